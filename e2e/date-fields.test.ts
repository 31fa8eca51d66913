// Date and time fields show their format and read a date as people in Sweden write it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

test('a date and time field shows its format and reads "10/1 2020 kl. 12.00"', async () => {
  const context = await e2e.newContext(desktop);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/actions`);
  await page.getByRole('heading', { level: 1, name: 'Åtgärder' }).waitFor();
  const form = page.locator('#action-form');
  const due = form.getByLabel('Klar senast');
  const hintId = (await due.getAttribute('aria-describedby'))!.split(' ')[0]!;
  assert.equal(
    await page.locator(`[id="${hintId}"]`).innerText(),
    'Skriv som ÅÅÅÅ-MM-DD tt:mm, till exempel 2026-12-07 14:30.',
  );

  await due.fill('i morgon');
  await due.blur();
  await form.getByText('Tiden går inte att läsa. Skriv den som ÅÅÅÅ-MM-DD tt:mm.').waitFor();
  assert.equal(await due.getAttribute('aria-invalid'), 'true');

  await form.getByLabel('Åtgärd', { exact: true }).fill('Ringa upp vårdcentralerna i Borås.');
  await form.getByLabel('Ansvarig person eller funktion').fill('Samordnaren i staben');
  await due.fill('10/1 2020 kl. 12.00');
  await due.blur();
  assert.equal(await form.locator('.field-error').count(), 0);
  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await page.getByText('Åtgärden är sparad.').waitFor();
  const row = page.locator('tbody tr', { hasText: 'Ringa upp vårdcentralerna i Borås.' });
  await row.getByText('10 jan. 2020 12:00').waitFor();
  await assertAccessible(page, 'actions with a date typed in Swedish');
  assert.deepEqual(problems, []);
  await context.close();
});
