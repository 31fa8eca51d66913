// Every screen, at laptop and phone size: axe-core finds no serious or critical violation,
// the page has one h1, landmarks and a skip link, and a screenshot lands in test-artifacts/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  adminEmail,
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  phone,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';
import { formatDateTime, stockholmLocalNow, stockholmLocalToIso } from '../src/web/format.ts';

const e2e = useE2E();
const adminPassword = 'Stabschefens-nya-lösen-2024';

async function checkScreen(page: Page, name: string, size: 'desktop' | 'phone') {
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
  assert.equal(await page.locator('main#main').count(), 1, `${name}: a main landmark`);
  assert.equal(await page.locator('a.skip-link[href="#main"]').count(), 1, `${name}: skip link`);
  await screenshot(page, `${name}-${size}`);
  await assertAccessible(page, `${name} (${size})`);
}

for (const [size, viewport] of [
  ['desktop', desktop],
  ['phone', phone],
] as const) {
  test(`screens are accessible on ${size}`, async () => {
    const context = await e2e.newContext(viewport);
    const page = await context.newPage();
    const problems = watchErrors(page);

    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await checkScreen(page, 'login', size);

    // The error summary and the messages beside the fields.
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').getByText('Ange din e-postadress.').waitFor();
    await checkScreen(page, 'login-errors', size);

    await signIn(page, demoPeople.staff, demoPassword);
    await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
    await checkScreen(page, 'events', size);

    await page.getByRole('link', { name: 'Millennium 2024', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Millennium 2024/ }).waitFor();
    await page.getByText(/enheter har rapporterat/).waitFor();
    await checkScreen(page, 'dashboard', size);
    if (size === 'desktop') await screenshot(page, 'dashboard-desktop-full', true);

    await page.goto(`/events/${e2e.server.eventId}/report?unit=1`);
    await page
      .getByRole('heading', { level: 1, name: /Lägesbild för Södra Älvsborgs Sjukhus/ })
      .waitFor();
    await checkScreen(page, 'report-submitted', size);

    await page.goto(`/events/${e2e.server.eventId}/report?unit=2`);
    await page.getByRole('heading', { level: 1, name: /Lägesbild för Närhälsan/ }).waitFor();
    await checkScreen(page, 'report-form', size);
    await screenshot(page, `report-form-${size}-full`, true);

    await page.goto('/no-such-page');
    await checkScreen(page, 'not-found', size);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('admin screens are accessible', async () => {
  const context = await e2e.newContext(desktop);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill(adminEmail);
  await page.getByLabel('Lösenord', { exact: true }).fill(e2e.server.adminOneTimePassword);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
  await checkScreen(page, 'password', 'desktop');
  await page.getByLabel('Nuvarande lösenord').fill(e2e.server.adminOneTimePassword);
  await page.getByLabel('Nytt lösenord').fill(adminPassword);
  await page.getByLabel('Upprepa det nya lösenordet').fill(adminPassword);
  await page.getByRole('button', { name: 'Spara lösenord' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();

  await page.getByRole('link', { name: 'Skapa händelse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ny händelse' }).waitFor();
  await checkScreen(page, 'event-create', 'desktop');
  await page.getByLabel('Namn').fill('Övning Storm 2026');
  await page.getByLabel('Det här är en övning').check();
  await page.getByRole('button', { name: 'Skapa händelse' }).click();
  await page.getByText('Händelsen Övning Storm 2026 är skapad.').waitFor();
  const row = page.getByRole('row', { name: /Övning Storm 2026/ });
  await row.getByText('ÖVNING', { exact: true }).waitFor();
  await checkScreen(page, 'events-admin', 'desktop');

  await row.getByRole('link', { name: /Avsluta händelse/ }).click();
  await page.getByRole('heading', { level: 1, name: /Avsluta Övning Storm 2026/ }).waitFor();
  await checkScreen(page, 'event-close', 'desktop');
  // A new exercise has no final report: closing needs an override with a reason.
  await page.getByLabel('Avsluta trots att listan inte är klar').check();
  await page.getByLabel('Varför avslutas händelsen ändå?').fill('Övningen hade ingen rapport.');
  // A date before the activation: the server's message appears in the summary and beside the field.
  await page.getByLabel('Avslutad datum och tid').fill('2020-11-20T10:00');
  await page.getByRole('button', { name: 'Avsluta händelsen' }).click();
  const message = 'Avslutsdatum kan inte ligga före aktiveringen.';
  await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
  await page.locator('.field-error', { hasText: message }).waitFor();
  await checkScreen(page, 'event-close-error', 'desktop');
  // An hour after now, whatever day the suite runs: after the activation, and shown as entered.
  const closedAt = stockholmLocalNow(new Date(Date.now() + 60 * 60 * 1000));
  await page.getByLabel('Avslutad datum och tid').fill(closedAt);
  await page.getByRole('button', { name: 'Avsluta händelsen' }).click();
  await page.getByText('Händelsen Övning Storm 2026 är avslutad.').waitFor();
  const closed = page.getByRole('region', { name: 'Avslutade' });
  const closedRow = closed.getByRole('row', { name: /Övning Storm 2026/ });
  await closedRow.waitFor();
  const shown = formatDateTime(stockholmLocalToIso(closedAt)).replace(/\s+/g, ' ');
  assert.ok((await closedRow.innerText()).replace(/\s+/g, ' ').includes(shown), shown);
  await context.close();
});
