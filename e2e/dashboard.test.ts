// The dashboard's unit grid: units by their short names (full names for assistive tech and as
// the title), nothing cut off at 1366 and 1280 px and reflowed at 320 px, and the staff setting
// the period's "data as of" from the dashboard: a Swedish date and time in the event's zone, an
// error beside the field, and a version conflict shown beside the typed text. axe-core on each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { periodOf } from '../src/core/time.ts';
import { grantRole } from '../src/server/access/service.ts';
import { addEventUnit, eventUnitList } from '../src/server/event-units/service.ts';
import { setDataAsOf } from '../src/server/events/periods.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { createEvent } from '../src/server/setups/service.ts';
import { createInputRequest } from '../src/server/situations/input-requests.ts';
import { findUserByEmail } from '../src/server/users/repository.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

const fullName = 'Karolinska Universitetssjukhuset Huddinge';

async function settle(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name);
  await assertAccessible(page, name);
}

/** How far the unit grid and the page reach beyond what is shown, in pixels. */
async function overflowOf(page: Page): Promise<{ grid: number; page: number }> {
  return page.evaluate(() => {
    const wrap = document.querySelector('.panel--units .table-wrap')!;
    const root = document.documentElement;
    return {
      grid: wrap.scrollWidth - wrap.clientWidth,
      page: root.scrollWidth - root.clientWidth,
    };
  });
}

/** Today on the wall clock of Europe/Stockholm, "2026-12-07". */
function stockholmToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

async function eventWithShortName(code: string): Promise<number> {
  const db = e2e.server.database.db;
  const event = await createEvent(db, systemActor, {
    name: 'Övning Kortnamn',
    description: '',
    background: '',
    isExercise: true,
    periodGranularity: 'week',
    fourEyes: true,
  });
  const list = await eventUnitList(db, event.id);
  const added = await addEventUnit(db, systemActor, event.id, {
    version: list.version,
    parentUnitId: null,
    newUnit: { code, name: fullName, shortName: 'KS Huddinge', kind: 'hospital' },
  });
  await createInputRequest(db, systemActor, event.id, {
    period: periodOf(new Date(), 'week').key,
    unitIds: added.items.map((unit) => unit.unitId),
  });
  const staff = await findUserByEmail(db, demoPeople.staff);
  await grantRole(db, systemActor, event.id, { userId: staff!.id, role: 'admin', unitId: null });
  return event.id;
}

test('the unit grid names units by their short names and fits the screen', async () => {
  const eventId = await eventWithShortName('KS-HUD');
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);

  await page.goto(`/events/${eventId}`);
  const row = page.getByRole('rowheader', { name: fullName });
  await row.waitFor();
  assert.equal(await row.locator('abbr').innerText(), 'KS Huddinge');
  assert.equal(await row.locator('abbr').getAttribute('title'), fullName);
  assert.doesNotMatch(await row.innerText(), /KS-HUD/);
  assert.equal(await row.locator('.visually-hidden').innerText(), fullName);
  await settle(page, 'dashboard-short-names-desktop');

  // The demo's archive has the widest grid: every area of the form, five units.
  for (const width of [1366, 1280]) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`/events/${e2e.server.eventId}`);
    await page.locator('.panel--units tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `dashboard-grid-${width}`, true);
    assert.deepEqual(await overflowOf(page), { grid: 0, page: 0 }, `at ${width} px`);
  }
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto(`/events/${e2e.server.eventId}`);
  await page.locator('.panel--units tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'dashboard-grid-320', true);
  assert.equal((await overflowOf(page)).page, 0, 'the page reflows at 320 px');
  await assertAccessible(page, 'dashboard at 320 px');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the staff set the period's data as of from the dashboard", async () => {
  const eventId = await eventWithShortName('KS-HUD2');
  const db = e2e.server.database.db;
  const period = periodOf(new Date(), 'week').key;
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}`);

  await page.getByRole('button', { name: 'Ändra Data per' }).click();
  const field = page.getByLabel('Data per (datum och klockslag)');
  await field.waitFor();
  assert.match(await field.inputValue(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await field.fill('7/12 kl. 14');
  await page.getByRole('button', { name: 'Spara Data per' }).click();
  const error = page.locator('#dashboard-data-as-of-error');
  await error.getByText(/Skriv datum och klockslag som ÅÅÅÅ-MM-DD TT:MM/).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await settle(page, 'dashboard-data-as-of-error');

  const today = stockholmToday();
  await field.fill(`${today} 14.05`);
  await page.getByRole('button', { name: 'Spara Data per' }).click();
  const line = page.locator('#completeness-data-as-of');
  await line.getByText(/ 14:05$/).waitFor();
  assert.match(await line.innerText(), /^Data per \d{1,2} \S+ \d{4} 14:05$/);
  await page.getByRole('button', { name: 'Ändra Data per' }).waitFor();

  // Someone else changes it while the form is open: their version beside ours, ours kept.
  await page.getByRole('button', { name: 'Ändra Data per' }).click();
  assert.equal(await field.inputValue(), `${today} 14:05`);
  const stored = (await db
    .selectFrom('event_period_data_as_of')
    .select('version')
    .where('event_id', '=', eventId)
    .where('period', '=', period)
    .executeTakeFirst())!;
  await setDataAsOf(db, systemActor, eventId, period, {
    dataAsOf: new Date(Date.now() - 3_600_000).toISOString(),
    version: stored.version,
  });
  await field.fill(`${today} 16:30`);
  await page.getByRole('button', { name: 'Spara Data per' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat samma post' });
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /16:30/);
  await settle(page, 'dashboard-data-as-of-conflict');
  await conflict.getByRole('button', { name: 'Behåll min version och spara igen' }).click();
  await line.getByText(/ 16:30$/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
