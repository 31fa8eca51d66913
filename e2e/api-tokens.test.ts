// One's own API tokens: a staff member issues a token with chosen scopes and an expiry (a missing
// scope is said beside the field), copies the secret shown once, uses it, and revokes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

async function statusWithToken(token: string): Promise<number> {
  const response = await fetch(`${e2e.server.url}/api/events/${e2e.server.eventId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status;
}

test('a staff member issues a token, copies its secret once, and revokes it', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: e2e.server.url,
  });
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.getByRole('link', { name: 'API-nycklar' }).click();
  await page.getByRole('heading', { level: 1, name: 'API-nycklar' }).waitFor();
  await page.getByText('Du har inga API-nycklar.').waitFor();
  await assertAccessible(page, 'api tokens');

  const form = page.locator('#token-form');
  await form.getByLabel('Namn').fill('Intranätets lägessida');
  await form.getByLabel('Läsa lägesbilden').uncheck();
  await form.getByRole('button', { name: 'Skapa nyckeln' }).click();
  await form.locator('.field-error').getByText('Välj minst en behörighet för nyckeln.').waitFor();
  await form.getByLabel('Läsa lägesbilden').check();
  await form.getByLabel('Läsa interna rapporter').check();
  const expires = await form.getByLabel('Gäller till och med').inputValue();
  assert.match(expires, /^\d{4}-\d{2}-\d{2}$/, 'a default expiry is offered');
  await form.getByRole('button', { name: 'Skapa nyckeln' }).click();

  const secret = page.getByTestId('token-secret');
  await secret.waitFor();
  const token = await secret.innerText();
  assert.match(token, /^lb_/);
  await page.getByRole('button', { name: 'Kopiera nyckeln' }).click();
  await page.getByText('Nyckeln är kopierad.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  await assertAccessible(page, 'api tokens with the secret');
  await screenshot(page, 'api-tokens-secret', true);
  await page.getByRole('button', { name: 'Jag har sparat nyckeln' }).click();
  assert.equal(await secret.count(), 0, 'the secret is shown once');

  const row = page.locator('tbody tr', { hasText: 'Intranätets lägessida' });
  await row.getByText('Läsa lägesbilden, Läsa interna rapporter').waitFor();
  await row.getByText('Gäller', { exact: true }).waitFor();
  assert.equal(await statusWithToken(token), 200);

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: /^Återkalla/ }).click();
  await page.getByText('Nyckeln ”Intranätets lägessida” är återkallad.').waitFor();
  await row.getByText('Återkallad').waitFor();
  assert.equal(await statusWithToken(token), 401);
  await screenshot(page, 'api-tokens-list', true);
  await assertAccessible(page, 'api tokens after revoking');

  assert.deepEqual(problems, []);
  await context.close();
});
