// The readiness level: staff change the event's level with a reason and a decision, see it in the
// history and on the dashboard; a reader sees the levels without the form. axe-core on each screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
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

test('staff raise the readiness level with a reason and a decision, shown on the dashboard', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}`);
  await page.getByRole('link', { name: 'Beredskapsläge och historik' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beredskapsläge' }).waitFor();
  await settle(page, 'readiness-staff-desktop');

  const form = page.locator('#readiness-form');
  await form.getByLabel('Ny nivå').selectOption('katastrofläge');
  await form.getByRole('button', { name: 'Ändra nivån' }).click();
  await page
    .getByRole('alert')
    .getByRole('link', { name: /Varför ändras nivån/ })
    .waitFor();
  await form.locator('.field-error').waitFor();
  await settle(page, 'readiness-error-desktop');

  await form.getByLabel('Varför ändras nivån?').fill('Elavbrott på två sjukhus samtidigt.');
  // The first decision of the event's log (the first option is "Inget beslut").
  await form.getByLabel('Beslut bakom ändringen').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Ändra nivån' }).click();
  await page.getByText('Beredskapsläget är ändrat.').waitFor();
  const history = page.getByRole('region', { name: 'Historik' });
  const latest = history.getByRole('row').nth(1);
  await latest.filter({ hasText: 'Elavbrott på två sjukhus samtidigt.' }).waitFor();
  assert.match(await latest.innerText(), /Katastrofläge/);
  assert.match(await latest.innerText(), /Hela händelsen/);
  assert.notEqual((await latest.locator('td').nth(4).innerText()).trim(), '–');
  await settle(page, 'readiness-changed-desktop');

  await page
    .getByRole('navigation', { name: 'Händelsens delar' })
    .getByRole('link', { name: 'Översikt' })
    .click();
  await page.locator('.readiness', { hasText: 'Katastrofläge' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reader sees the levels and their history but no form', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/readiness`);
  await page.getByRole('heading', { level: 2, name: 'Gällande beredskapsläge' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
  await settle(page, 'readiness-reader-desktop');
  assert.equal(await page.locator('#readiness-form').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
