// An event's periods, language and time zone: an event admin changes them on "Perioder och
// språk" (a wrong time zone is refused beside the field), sets the week's "data as of", and the
// dashboard shows the new deadline and the data-as-of in the event's time zone. axe-core on each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { periodOf } from '../src/core/time.ts';
import { grantRole } from '../src/server/access/service.ts';
import { createEvent } from '../src/server/setups/service.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { createInputRequest } from '../src/server/situations/input-requests.ts';
import { findUserByEmail } from '../src/server/users/repository.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const HOUR_MS = 3_600_000;

const e2e = useE2E();

async function settle(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name);
  await assertAccessible(page, name);
}

/** The ISO week key of a calendar date ("2026-W49"). */
test('an event admin sets periods and time zone, and the dashboard follows them', async () => {
  const db = e2e.server.database.db;
  const event = await createEvent(db, systemActor, {
    name: 'Övning Tidszon',
    description: '',
    background: '',
    isExercise: true,
    periodGranularity: 'week',
    fourEyes: true,
  });
  const staffUser = await findUserByEmail(db, demoPeople.staff);
  await grantRole(db, systemActor, event.id, {
    userId: staffUser!.id,
    role: 'admin',
    unitId: null,
  });

  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${event.id}/admin`);
  await page.getByRole('navigation', { name: 'Administration av händelsen' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Administration av händelsen' })
    .getByRole('link', { name: 'Perioder och språk' })
    .click();
  await page.getByRole('heading', { level: 1, name: /Perioder och språk/ }).waitFor();
  await settle(page, 'event-settings-desktop');

  const zone = page.getByLabel('Tidszon');
  await zone.fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  const refusal =
    'Okänd tidszon. Ange en tidszon med dess IANA-namn, till exempel Europe/Stockholm.';
  await page.locator('#settings-time-zone-error').getByText(refusal).waitFor();
  assert.equal(await zone.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'event settings with an error');

  await zone.fill('Asia/Tokyo');
  await page.getByLabel('Sista tid, veckodag').selectOption({ label: 'fredag' });
  await page.getByLabel('Sista tid, klockslag').fill('09:30');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await page.getByRole('status').getByText('Inställningarna sparades.').waitFor();

  // The week as Tokyo sees it now, and 10:00 today on Tokyo's wall clock.
  const tokyoToday = new Date(Date.now() + 9 * HOUR_MS).toISOString().slice(0, 10);
  const week = periodOf(new Date(), 'week', 'Asia/Tokyo').key;
  await page.reload();
  await page.getByLabel('Period som uppgifterna gäller').fill(week);
  await page.getByLabel('Data per (datum och klockslag)').fill(`${tokyoToday}T10:00`);
  await page.getByRole('button', { name: 'Spara Data per' }).click();
  await page
    .getByRole('status')
    .getByText(/Data per sparades/)
    .waitFor();
  await settle(page, 'event-settings-saved-desktop');

  const units = await db.selectFrom('units').select('id').orderBy('id').limit(2).execute();
  const request = await createInputRequest(db, systemActor, event.id, {
    period: week,
    unitIds: units.map((unit) => unit.id),
  });
  const shownDeadline = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(request.deadline));
  assert.equal(shownDeadline, 'Friday 09:30');

  await page.goto(`/events/${event.id}`);
  const dataAsOf = page.locator('#completeness-data-as-of');
  await dataAsOf.waitFor();
  assert.match(await dataAsOf.innerText(), /^Data per \d{1,2} \S+ \d{4} 10:00$/);
  assert.match(await page.locator('.completeness').innerText(), /Sista tid .*09:30/);
  await settle(page, 'event-settings-dashboard-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});
