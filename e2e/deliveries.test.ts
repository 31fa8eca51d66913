// A report's deliveries and the event's outbox: an admin sees which e-mail failed and why, sends
// it again, is told plainly that nothing is sent while no mail server is configured, and finds it
// waiting in the outbox; a staff member sees the deliveries without a resend button.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedDelivery } from '../test/support/deliveries.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  screenshot,
  signIn,
  signInFirstAdmin,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();
const adminPassword = 'Stabschefens-nya-lösen-2024';

test('an admin sees a failed e-mail with its error, resends it and finds it in the outbox', async () => {
  const { db } = e2e.server.database;
  const eventId = e2e.server.eventId;
  const { reportId } = await failedDelivery(
    db,
    eventId,
    'kommunledningen@example.se',
    '550 5.1.1 Mailbox unavailable',
  );
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, adminPassword);

  await page.goto(`/events/${eventId}/reports/${reportId}`);
  await page.getByRole('link', { name: 'Vem har fått rapporten?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utskick av rapporten' }).waitFor();
  const row = page.locator('tbody tr', { hasText: 'kommunledningen@example.se' });
  await row.getByText('Misslyckades').waitFor();
  await row.getByText('550 5.1.1 Mailbox unavailable').waitFor();
  await page.getByText('0 skickade, 0 väntar, 1 misslyckade.').waitFor();
  await assertAccessible(page, 'report deliveries');
  await screenshot(page, 'report-deliveries-failed');

  await row.getByRole('button', { name: /^Skicka igen/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('E-posten till kommunledningen@example.se skickas igen.').waitFor();
  await row.getByText('Väntar').waitFor();
  await page.getByText('Ingen e-post skickas', { exact: true }).waitFor();
  await assertAccessible(page, 'report deliveries after a resend');
  await screenshot(page, 'report-deliveries-resent', true);

  await page.getByRole('link', { name: 'Hela utkorgen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utkorg' }).waitFor();
  await page.getByText('Ingen e-post skickas', { exact: true }).waitFor();
  await page.getByLabel('Status').selectOption({ label: 'Misslyckades' });
  await page.getByText('Ingen e-post här.').waitFor();
  await page.getByLabel('Status').selectOption({ label: 'Väntar' });
  await page.locator('tbody tr', { hasText: 'kommunledningen@example.se' }).waitFor();
  await assertAccessible(page, 'outbox');
  await screenshot(page, 'admin-outbox', true);

  assert.deepEqual(problems, []);
  await context.close();
});

test('a staff member sees who received a report, without a resend button', async () => {
  const { db } = e2e.server.database;
  const eventId = e2e.server.eventId;
  const { reportId } = await failedDelivery(db, eventId, 'sjukhuschef@example.se', '421 Try later');
  const context = await e2e.newContext();
  const page = await context.newPage();
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}/reports/${reportId}/deliveries`);
  const row = page.locator('tbody tr', { hasText: 'sjukhuschef@example.se' });
  await row.getByText('Misslyckades').waitFor();
  assert.equal(await page.getByRole('button', { name: /Skicka igen/ }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Hela utkorgen' }).count(), 0);
  await assertAccessible(page, 'report deliveries for staff');
  await context.close();
});
