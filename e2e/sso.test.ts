// The login page when the region's sign-on is configured: the button, and the emergency form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2E, assertAccessible, screenshot, startE2E, watchErrors } from './support.ts';

let e2e: E2E;

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  await e2e?.close();
});

/** Answers the login options as an installation with OIDC_ISSUER and OIDC_LOCAL_LOGIN would. */
async function withLoginOptions(page: Page, options: { sso: boolean; localLogin: boolean }) {
  await page.route('**/api/auth/options', (route) => route.fulfill({ json: options }));
}

test('sign-on with local login off: the region button, and the password form only on request', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await withLoginOptions(page, { sso: true, localLogin: false });
  await page.goto('/login?next=/events/1');

  const button = page.getByRole('link', { name: 'Logga in med regionens konto' });
  await button.waitFor();
  assert.equal(await button.getAttribute('href'), '/auth/oidc/login?next=%2Fevents%2F1');
  assert.equal(await page.getByLabel('E-postadress').count(), 0);

  const emergency = page.getByRole('button', { name: 'Nödinloggning' });
  assert.equal(await emergency.getAttribute('aria-expanded'), 'false');
  await emergency.focus();
  await page.keyboard.press('Enter');
  assert.equal(await emergency.getAttribute('aria-expanded'), 'true');
  await page.getByRole('heading', { name: 'Nödinloggning med lösenord' }).waitFor();
  await page.getByLabel('E-postadress').waitFor();
  await screenshot(page, 'login-sso-emergency-desktop');
  await assertAccessible(page, 'login with sign-on, emergency form open');
  assert.deepEqual(problems, []);
  await context.close();
});

test('sign-on with local login on: both ways to sign in are shown', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await withLoginOptions(page, { sso: true, localLogin: true });
  await page.goto('/login');
  await page.getByRole('link', { name: 'Logga in med regionens konto' }).waitFor();
  await page.getByRole('heading', { name: 'Eller logga in med lösenord' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nödinloggning' }).count(), 0);
  await page.getByLabel('E-postadress').waitFor();
  await assertAccessible(page, 'login with sign-on and password');
  await context.close();
});
