// The login page when the region's sign-on is configured (the button, the emergency form), and
// the admin screen where groups are mapped to roles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../src/server/http/actor.ts';
import { createUser } from '../src/server/users/service.ts';
import { assertAccessible, screenshot, signIn, useE2E, watchErrors } from './support.ts';

const e2e = useE2E();

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

test('a system admin maps a group to a role in the demo event', async () => {
  const email = 'systemforvaltare@lagesbild.local';
  const password = 'Ett-losenord-for-forvaltaren';
  await createUser(e2e.server.database.db, systemActor, {
    email,
    name: 'Jonas Forsberg',
    isAdmin: true,
    password,
  });
  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, email, password);
  await page.goto('/admin/sso');
  await page.getByRole('heading', { level: 1, name: 'Inloggning via regionens konto' }).waitFor();

  const form = page.locator('#mapping-form');
  await form.getByLabel('Grupp').fill('lagesbild-stab');
  await form.getByLabel('Händelse').selectOption({ label: 'Millennium 2024' });
  await form.getByLabel('Roll').selectOption({ label: 'Stab' });
  await form.getByRole('button', { name: 'Lägg till kopplingen' }).click();
  await page.getByText('Kopplingen är tillagd.').waitFor();
  const row = page.getByRole('row', { name: /lagesbild-stab/ });
  assert.match(await row.innerText(), /Stab, Millennium 2024/);
  await screenshot(page, 'admin-sso-desktop');
  await assertAccessible(page, 'sign-on group mapping');

  await row.getByRole('button', { name: /Ta bort/ }).click();
  await page.getByText(/Kopplingen är borttagen/).waitFor();
  assert.equal(await page.getByRole('row', { name: /lagesbild-stab/ }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
