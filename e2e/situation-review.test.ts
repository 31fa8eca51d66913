// Accepting or returning a unit's situation: staff reach a submitted return from the dashboard's
// unit grid, return it with a comment that the unit sees on its form, and accept the next one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveSituationBody } from '../src/contract/situations.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { createInputRequest } from '../src/server/situations/input-requests.ts';
import { saveSituation, submitSituation } from '../src/server/situations/service.ts';
import { findUnitByCode } from '../src/server/units/repository.ts';
import { periodOf } from '../src/core/time.ts';
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
  await screenshot(page, name, true);
  await assertAccessible(page, name);
}

/** SÄS and NH are asked for this week; each submits a return. */
async function submittedReturns() {
  const db = e2e.server.database.db;
  const eventId = e2e.server.eventId;
  const period = periodOf(new Date(), 'week').key;
  const units = await Promise.all(['SÄS', 'NH'].map((code) => findUnitByCode(db, code)));
  await createInputRequest(db, systemActor, eventId, {
    period,
    deadline: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    unitIds: units.map((unit) => unit!.id),
  });
  for (const unit of units) {
    const where = { eventId, unitId: unit!.id, period };
    const body = saveSituationBody.parse({
      overallStatus: 'yellow',
      prognosis: 'unchanged',
      bullets: `- Läget på ${unit!.code} är ansträngt.`,
    });
    const { situation } = await saveSituation(db, systemActor, where, body);
    await submitSituation(db, systemActor, where, situation.version);
  }
  return { period, sas: units[0]! };
}

test('staff return a situation with a comment the unit sees, and accept another', async () => {
  const { period, sas } = await submittedReturns();
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}`);
  const grid = page.getByRole('region', { name: 'Enheternas läge' });
  await grid.getByRole('table').waitFor();
  await screenshot(page, 'situation-review-dashboard-desktop', true);
  await grid.getByRole('link', { name: /^Granska\W+Södra Älvsborgs Sjukhus/ }).click();
  await page
    .getByRole('heading', { level: 1, name: /Lägesbild från Södra Älvsborgs Sjukhus/ })
    .waitFor();
  await settle(page, 'situation-review-desktop');

  await page.getByRole('button', { name: 'Returnera lägesbilden' }).click();
  await page
    .getByRole('alert')
    .getByRole('link', { name: 'Skriv en kommentar till enheten.' })
    .waitFor();
  await page.getByLabel('Kommentar till enheten').fill('Komplettera med prognos för helgen.');
  await page.getByRole('button', { name: 'Returnera lägesbilden' }).click();
  await page.getByText('Lägesbilden är returnerad till enheten med din kommentar.').waitFor();
  await page
    .getByText(/Returnerad till enheten med kommentaren: Komplettera med prognos/)
    .waitFor();
  await settle(page, 'situation-returned-desktop');

  await page.goto(`/events/${e2e.server.eventId}`);
  await grid.getByRole('link', { name: /^Granska\W+Närhälsan/ }).click();
  await page.getByRole('button', { name: 'Godkänn lägesbilden' }).click();
  await page.getByText('Lägesbilden är godkänd.').waitFor();
  await page.locator('.tag', { hasText: 'Godkänd' }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();

  const unitContext = await e2e.newContext();
  unitContext.setDefaultTimeout(10_000);
  const unitPage = await unitContext.newPage();
  await signIn(unitPage, demoPeople.reporterSas, demoPassword);
  await unitPage.goto(`/events/${e2e.server.eventId}/report?unit=${sas.id}&period=${period}`);
  await unitPage
    .getByText('Staben returnerade lägesbilden: Komplettera med prognos för helgen.')
    .waitFor();
  await settle(unitPage, 'situation-returned-unit-desktop');
  await unitContext.close();
});

test('a reader sees no review link and no review actions', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await signIn(page, demoPeople.reader, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}`);
  await page.getByRole('region', { name: 'Enheternas läge' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByRole('link', { name: /^Granska/ }).count(), 0);
  await context.close();
});
