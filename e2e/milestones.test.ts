// Milestones on the dashboard's timeline and their staff screen, and the archive banner of a
// closed event. axe-core on each screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { grantRole } from '../src/server/access/service.ts';
import { closeEvent } from '../src/server/closing/service.ts';
import { createEvent } from '../src/server/setups/service.ts';
import { createMilestone, reachMilestone } from '../src/server/milestones/service.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { findUserByEmail } from '../src/server/users/repository.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  phone,
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

test('the dashboard shows the milestones on a timeline with a list alternative', async () => {
  for (const viewport of [undefined, phone]) {
    const context = await e2e.newContext(viewport);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems = watchErrors(page);
    await signIn(page, demoPeople.reader, demoPassword);
    await page.goto(`/events/${e2e.server.eventId}`);
    const panel = page.getByRole('region', { name: 'Milstolpar på tidslinjen' });
    await panel.waitFor();
    const list = panel.getByRole('list', { name: 'Milstolpar på tidslinjen' });
    const moved = list.getByRole('listitem').filter({ hasText: 'Kommunerna i södra området' });
    assert.match(await moved.innerText(), /Flyttad från 19 nov\. 2024 till 18 feb\. 2025/);
    const reached = list.getByRole('listitem').filter({ hasText: 'Driftstart Millennium' });
    assert.match(await reached.innerText(), /✓ Nådd 12 nov\. 2024/);
    assert.equal(await panel.locator('.timeline').getAttribute('aria-hidden'), 'true');
    await panel.locator('.timeline__today').waitFor();
    await settle(page, `milestones-dashboard-${viewport ? 'phone' : 'desktop'}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('staff add a milestone and move it by a decision, with errors beside the fields', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/milestones`);
  await page.getByRole('heading', { level: 1, name: 'Milstolpar' }).waitFor();
  await settle(page, 'milestones-staff-desktop');

  const form = page.locator('#milestone-form');
  await form.getByRole('button', { name: 'Lägg till milstolpen' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Fyll i Rubrik.' }).waitFor();
  await form.locator('.field-error', { hasText: 'Fyll i Rubrik.' }).waitFor();
  await form.getByLabel('Rubrik').fill('Journalen öppnas för invånarna i 1177');
  await form.getByLabel('Planerat datum').fill('2025-03-04');
  await form.getByRole('button', { name: 'Lägg till milstolpen' }).click();
  await page.getByText('Milstolpen är sparad.').waitFor();

  const row = page.locator('.milestone-row', { hasText: 'Journalen öppnas för invånarna' });
  await row.getByRole('button', { name: /^Flytta/ }).click();
  const move = page.locator('#milestone-move-form');
  await move.getByLabel('Nytt datum').fill('2025-03-11');
  await move.getByRole('button', { name: 'Flytta' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Fyll i Skäl till flytten.' }).waitFor();
  await settle(page, 'milestones-move-error-desktop');
  await move.getByLabel('Skäl till flytten').fill('Inloggningen behöver testas en vecka till.');
  const decision = move.locator('option', { hasText: 'Programstyrgrupp Millennium' }).first();
  await move
    .getByLabel('Beslut som flyttade milstolpen')
    .selectOption((await decision.getAttribute('value'))!);
  await move.getByRole('button', { name: 'Flytta' }).click();
  await page.getByText('Milstolpen är flyttad.').waitFor();
  // The list is read again after the confirmation appears.
  await page
    .locator('.milestone-row', { hasText: 'Journalen öppnas' })
    .filter({ hasText: 'Flyttad från 4 mars 2025 till 11 mars 2025' })
    .waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("reaching a milestone someone else has reached shows the server's reason", async () => {
  const db = e2e.server.database.db;
  const eventId = e2e.server.eventId;
  const milestone = await createMilestone(db, systemActor, eventId, {
    title: 'Kassasystemet byts ut',
    description: '',
    plannedOn: daysFromNow(30),
    internal: false,
  });
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}/milestones`);
  const row = page.locator('.milestone-row', { hasText: 'Kassasystemet byts ut' });
  const reach = row.getByRole('button', { name: /^Markera som nådd/ });
  await reach.waitFor();
  // Someone else reaches it just before the click arrives (before the live update could say so).
  await page.route(`**/milestones/${milestone.id}/reach`, async (route) => {
    await reachMilestone(db, systemActor, eventId, milestone.id, { version: milestone.version });
    await route.continue();
  });
  await reach.click();
  // A 409 wrong_state is not a stale copy: the server's reason, not the "changed by someone" text.
  await page.getByText('Milstolpen är redan nådd och kan inte flyttas eller nås igen.').waitFor();
  assert.equal(await page.getByText('Någon annan har ändrat milstolpen').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a closed event shows the archive banner on every page and offers no write controls', async () => {
  const db = e2e.server.database.db;
  const event = await createEvent(db, systemActor, {
    name: 'Övning Arkiv',
    description: '',
    background: '',
    isExercise: true,
    periodGranularity: 'week',
    fourEyes: true,
    activatedAt: '2024-11-01T08:00:00Z',
  });
  const staffUser = await findUserByEmail(db, demoPeople.staff);
  await grantRole(db, systemActor, event.id, {
    userId: staffUser!.id,
    role: 'staff',
    unitId: null,
  });
  await closeEvent(db, systemActor, event.id, {
    version: event.version,
    closedAt: '2024-11-26T15:00:00+01:00',
    override: true,
    reason: 'Övningen avslutades utan slutrapport.',
  });

  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  for (const [path, name] of [
    ['', 'dashboard'],
    ['/milestones', 'milestones'],
    ['/decisions', 'decisions'],
    ['/reports', 'reports'],
  ] as const) {
    await page.goto(`/events/${event.id}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const banner = page.getByRole('note').filter({ hasText: 'arkivläge' });
    await banner.waitFor();
    assert.equal(
      (await banner.innerText()).trim(),
      'Händelsen är avslutad 26 nov. 2024 – arkivläge, endast läsning',
    );
    await settle(page, `closed-${name}-desktop`);
  }
  await page.goto(`/events/${event.id}/milestones`);
  await page.getByRole('heading', { level: 1, name: 'Milstolpar' }).waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('#milestone-form').count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Flytta/ }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A calendar date (YYYY-MM-DD) some days after today, so that the test holds on any day. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
