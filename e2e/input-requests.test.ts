// Input requests: staff ask chosen units for a week's situation with the form, follow who has
// answered, move the deadline, and are told honestly that no reminder can be sent without a mail
// server (the e2e server has none). axe-core on each screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { periodOf, zonedLocalToInstant } from '../src/core/time.ts';
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
const dayMs = 86_400_000;

async function settle(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name, true);
  await assertAccessible(page, name);
}

/** A datetime-local value in Stockholm time, days from now at 14:00. */
function localInDays(days: number): string {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * dayMs),
  );
  return `${date}T14:00`;
}

test('staff ask chosen units for a week, follow the answers and move the deadline', async () => {
  const week = periodOf(new Date(Date.now() + 14 * dayMs), 'week').key;
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}`);
  await page.getByRole('link', { name: 'Begäran om lägesbild' }).click();
  await page.getByRole('heading', { level: 1, name: 'Begäran om lägesbild' }).waitFor();

  const form = page.locator('#input-request-form');
  await form.getByRole('button', { name: 'Skicka begäran' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Fyll i Period.' }).waitFor();
  await settle(page, 'input-requests-error-desktop');
  const weekNumber = Number(week.slice(-2));
  const period = form.getByLabel('Period');
  await form.getByText('Skriv veckan som v. 49 2026 eller 2026-W49.').waitFor();
  await period.fill('v. 54 2026');
  await period.blur();
  await form
    .getByText('Veckan går inte att läsa. Skriv den som v. 49 2026 eller 2026-W49.')
    .waitFor();
  await period.fill(`v. ${weekNumber} ${week.slice(0, 4)}`);
  await form.getByLabel('Fastighet, stöd och service (FSS)').uncheck();
  await form.getByRole('button', { name: 'Skicka begäran' }).click();
  await page
    .getByText(new RegExp(`Begäran om lägesbild för vecka ${weekNumber}.* är skapad\\.`))
    .waitFor();

  const detail = page.getByRole('region', { name: new RegExp(`Svar för vecka ${weekNumber}`) });
  await detail.getByText('0 av 4').waitFor();
  const rows = detail.getByRole('table').getByRole('row');
  assert.equal(await rows.count(), 5);
  assert.equal(await detail.getByRole('row', { name: /Fastighet, stöd och service/ }).count(), 0);
  await detail
    .getByText('Ingen e-postserver är inställd. Inga påminnelser skickas', { exact: false })
    .waitFor();
  assert.equal(await page.getByRole('button', { name: 'Skicka påminnelse nu' }).count(), 0);
  await settle(page, 'input-requests-created-desktop');

  const deadline = localInDays(16);
  await detail.getByLabel('Ny tidsfrist').fill(deadline);
  await detail.getByRole('button', { name: 'Ändra tidsfristen' }).click();
  await page.getByText(/Tidsfristen är ändrad till/).waitFor();
  const expected = zonedLocalToInstant(deadline.slice(0, 10), '14:00', 'Europe/Stockholm');
  const listed = await page.evaluate(
    async ([eventId, period]) =>
      (await (await fetch(`/api/events/${eventId}/input-requests?period=${period}`)).json())
        .items[0].deadline,
    [String(e2e.server.eventId), week],
  );
  assert.equal(listed, expected.toISOString());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reader sees the requests and answers without the forms', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/input-requests`);
  await page.getByRole('heading', { level: 2, name: 'Begäranden' }).waitFor();
  await settle(page, 'input-requests-reader-desktop');
  assert.equal(await page.locator('#input-request-form').count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Påminnelser' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
