// A chart's numbers as a table: the keyboard reaches "Visa som tabell" under the dashboard's
// chart, Enter opens it, and the table holds each week's value as the chart draws it.
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

test("the dashboard chart's data table is reached and opened by keyboard", async () => {
  const context = await e2e.newContext(desktop);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}`);
  await page.getByRole('heading', { level: 1, name: /Millennium 2024/ }).waitFor();
  await page.waitForLoadState('networkidle');

  const toggle = page.locator('summary', { hasText: 'Visa som tabell' });
  await toggle.waitFor();
  const table = page.getByRole('table', { name: 'Beläggningsgrad i slutenvården per vecka' });
  assert.equal(await table.isVisible(), false);

  let presses = 0;
  while (!(await toggle.evaluate((element) => element === document.activeElement))) {
    presses += 1;
    assert.ok(presses < 150, 'Tab never reaches "Visa som tabell"');
    await page.keyboard.press('Tab');
  }
  const name = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(name, 'Visa som tabell: Beläggningsgrad i slutenvården per vecka');
  await page.keyboard.press('Enter');
  await table.waitFor();

  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.replace(/\s/g, ' '))),
    );
  assert.deepEqual(rows, [
    ['vecka 44 2024', '99,5 %'],
    ['vecka 45 2024', '103,9 %'],
    ['vecka 46 2024', '104,4 %'],
    ['vecka 47 2024', '88,7 %'],
  ]);
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Period', 'Värde']);
  await assertAccessible(page, 'dashboard with the chart table open');
  assert.deepEqual(problems, []);
  await context.close();
});
