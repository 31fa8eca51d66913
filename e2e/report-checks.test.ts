// Issue 20, items 6 and 8 in a real browser: a draft is deleted after a confirm dialog, and the
// approver sees the checks' warnings before publishing and publishes anyway.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
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

async function apiAs(context: BrowserContext, email: string) {
  const login = await context.request.post('/api/auth/login', {
    data: { email, password: demoPassword },
  });
  assert.equal(login.status(), 200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: 'GET' | 'POST', path: string, data?: unknown) => {
    const answer = await context.request.fetch(path, {
      method,
      headers: { 'x-csrf-token': csrfToken },
      ...(data !== undefined && { data }),
    });
    assert.ok(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`);
    return (await answer.json()) as { id: number; number: number; version: number };
  };
}

test('staff delete a draft after confirming', async () => {
  const eventId = e2e.server.eventId;
  const setup = await e2e.newContext();
  const draft = await (
    await apiAs(setup, demoPeople.staff)
  )('POST', `/api/events/${eventId}/reports`, { kind: 'extra' });
  await setup.close();

  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}/reports/${draft.id}`);
  const name = `Extrarapport nr ${draft.number}`;
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Ta bort utkastet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByRole('status').getByText(`${name} är borttagen.`).waitFor();
  assert.deepEqual(dialogs, [
    'Vill du ta bort utkastet? Utkastet och alla dess avsnitt tas bort och kan inte återställas.',
  ]);
  assert.equal(await page.getByRole('link', { name: new RegExp(`^${name}`) }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an approver sees the warnings before publishing and publishes anyway', async () => {
  const eventId = e2e.server.eventId;
  const setup = await e2e.newContext();
  const staffApi = await apiAs(setup, demoPeople.staff);
  const draft = await staffApi('POST', `/api/events/${eventId}/reports`, {
    kind: 'regular',
    reopenSeries: true,
  });
  const submitted = await staffApi('POST', `/api/events/${eventId}/reports/${draft.id}/submit`, {
    version: draft.version,
  });
  await setup.close();

  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.approver, demoPassword);
  await page.goto(`/events/${eventId}/reports/${submitted.id}`);
  const warnings = page.getByRole('region', { name: /saker att se över$/ });
  await warnings
    .getByText('Slutrapporten (nummer 2) är redan publicerad: rapportserien är avslutad.')
    .waitFor();
  await warnings.getByText('Avsnittet ”Patientsäkerhet” är tomt.').waitFor();
  await page.getByRole('button', { name: 'Godkänn rapporten ändå' }).click();
  await page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();

  await page.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' }).waitFor();
  await page
    .getByRole('region', { name: /saker att se över$/ })
    .getByText('Slutrapporten (nummer 2) är redan publicerad: rapportserien är avslutad.')
    .waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'report-publish-warnings-desktop', true);
  await assertAccessible(page, 'report-publish-warnings');
  await page.getByRole('button', { name: /^Publicera ändå/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
