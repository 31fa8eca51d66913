// An event's own units built through the Enheter screen: a CSV import (a bad file first, named
// line by line, then a good one), reordering with Alt+arrows (focus follows the row), indenting
// by keyboard and button, a drag, the event's name for the whole; then the dashboard lists the
// units in that order and counts the returns per group. axe-core on both screens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { grantRole } from '../src/server/access/service.ts';
import { createEvent } from '../src/server/setups/service.ts';
import { createInputRequest } from '../src/server/situations/input-requests.ts';
import { listUnits } from '../src/server/units/repository.ts';
import { periodOf } from '../src/core/time.ts';
import { systemActor } from '../src/server/http/actor.ts';
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

const e2e = useE2E();

async function settle(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name);
  await assertAccessible(page, name);
}

/** The list as the screen shows it: each unit's code, indented two spaces per level. */
async function tree(page: Page): Promise<string[]> {
  return page.locator('.unit-tree > li').evaluateAll((items) =>
    items.map((item) => {
      const depth = Number.parseFloat((item as HTMLElement).style.paddingInlineStart || '0') / 1.75;
      const code = item.querySelector('.section-order__title .muted')!.textContent!;
      return `${'  '.repeat(depth)}${code.replace(/[()]/g, '')}`;
    }),
  );
}

/** A row's button: its visible action, then the unit's name for screen readers. */
function control(page: Page, action: string, unit: string) {
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', {
    name: new RegExp(`^${escaped(action)}\\W+${escaped(unit)}$`),
  });
}

async function focusedRow(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.closest('li')?.id);
}

test('an admin builds the event’s units by CSV, keyboard and drag, and the dashboard follows', async () => {
  const db = e2e.server.database.db;
  const event = await createEvent(db, systemActor, {
    name: 'Sjukhusgruppen',
    description: '',
    background: '',
    isExercise: true,
    periodGranularity: 'week',
    fourEyes: true,
  });
  const staff = await findUserByEmail(db, demoPeople.staff);
  await grantRole(db, systemActor, event.id, { userId: staff!.id, role: 'admin', unitId: null });

  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${event.id}/admin/units`);
  await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
  await settle(page, 'event-units-desktop');
  assert.deepEqual(await tree(page), ['FSS', 'NH', 'RLM', 'RH', 'SÄS']);

  const csv = page.getByLabel('Eller klistra in raderna');
  await csv.fill('SG;Sjukhusgruppen;SG;grupp;\nX;;;grupp;\nY;Ypsilon;;landsting;SG\n');
  await page.getByRole('button', { name: 'Läs in' }).click();
  const problemsBox = page.getByRole('alert').filter({ hasText: 'inget sparades' });
  await problemsBox.waitFor();
  assert.deepEqual(await problemsBox.getByRole('listitem').allInnerTexts(), [
    'Rad 2: Namnet saknas för X.',
    'Rad 3: Slaget "landsting" för Y finns inte. Använd till exempel sjukhus, grupp, region eller annan.',
  ]);
  await screenshot(page, 'event-units-import-errors-desktop');
  await assertAccessible(page, 'event units with import errors');
  assert.deepEqual(await tree(page), ['FSS', 'NH', 'RLM', 'RH', 'SÄS'], 'nothing was saved');

  await csv.fill('kod;namn;kortnamn;slag;överordnad\nSG;Sjukhusgruppen;SG;grupp;\n');
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByText('1 enheter är inlästa.').waitFor();
  assert.deepEqual(await tree(page), ['FSS', 'NH', 'RLM', 'RH', 'SÄS', 'SG']);

  const groupRow = await page.locator('.unit-tree > li').last().getAttribute('id');
  await control(page, 'Flytta upp', 'Sjukhusgruppen').focus();
  for (let step = 0; step < 5; step += 1) {
    await page.keyboard.press('Alt+ArrowUp');
    assert.equal(
      await focusedRow(page),
      groupRow,
      `focus follows the moved row (step ${step + 1})`,
    );
  }
  await page
    .getByRole('status')
    .filter({ hasText: 'Sjukhusgruppen är nu på plats 1 av 6.' })
    .waitFor({ state: 'attached' });
  assert.deepEqual(await tree(page), ['SG', 'FSS', 'NH', 'RLM', 'RH', 'SÄS']);

  await control(page, 'Lägg under föregående', 'Fastighet, stöd och service').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page
    .getByRole('status')
    .filter({ hasText: 'Fastighet, stöd och service ligger nu under Sjukhusgruppen.' })
    .waitFor({ state: 'attached' });
  await control(page, 'Lägg under föregående', 'Närhälsan').click();
  assert.deepEqual(await tree(page), ['SG', '  FSS', '  NH', 'RLM', 'RH', 'SÄS']);

  const rows = page.locator('.unit-tree > li');
  await rows
    .filter({ hasText: 'Regionhälsan' })
    .dragTo(rows.filter({ hasText: 'Regional laboratoriemedicin' }));
  assert.deepEqual(await tree(page), ['SG', '  FSS', '  NH', 'RH', 'RLM', 'SÄS']);

  await page.getByLabel('Namn på helheten').fill('Hela gruppen');
  await page.getByRole('button', { name: 'Spara ordningen' }).click();
  await page.getByText('Enheterna är sparade (version 3).').waitFor();
  assert.deepEqual(await tree(page), ['SG', '  FSS', '  NH', 'RH', 'RLM', 'SÄS']);
  await settle(page, 'event-units-saved-desktop');

  // This week's returns from the group's two hospitals and one unit outside it.
  const unitIds = new Map(
    (await listUnits(db)).map((unit) => [unit.code, unit.id] as [string, number]),
  );
  await createInputRequest(db, systemActor, event.id, {
    period: periodOf(new Date(), 'week', 'Europe/Stockholm').key,
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    unitIds: ['FSS', 'NH', 'RH'].map((code) => unitIds.get(code)!),
  });
  await page.goto(`/events/${event.id}`);
  await page
    .getByRole('list', { name: 'Rapporterat per grupp' })
    .getByText('Sjukhusgruppen: 0 av 2', { exact: true })
    .waitFor();
  const units = page.locator('.panel--units tbody th[scope="row"] .unit-short');
  await units.first().waitFor();
  // By their short names: a name of at most 20 characters is its own short name.
  assert.deepEqual(await units.allInnerTexts(), [
    'SG',
    'FSS',
    'Närhälsan',
    'Regionhälsan',
    'RLM',
    'SÄS',
  ]);
  await settle(page, 'event-units-dashboard-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});
