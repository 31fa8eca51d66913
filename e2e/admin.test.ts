// The admin screens and the accessibility statement: axe-core on each, an admin creates a user
// (the one-time password shown once) and grants a role, moves a template section down with the
// keyboard and saves it (and meets a conflict), and builds a distribution list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  adminEmail,
  assertAccessible,
  phone,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

import { accessibilityContact } from './server.ts';

const e2e = useE2E();
const adminPassword = 'Stabschefens-nya-lösen-2024';

async function check(page: Page, heading: string | RegExp, name: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' });
  assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
  const footer = page.getByRole('contentinfo').getByRole('link', {
    name: 'Tillgänglighetsredogörelse',
  });
  assert.equal(await footer.count(), 1, `${name}: the footer links the accessibility statement`);
  await screenshot(page, `${name}-desktop`);
  await assertAccessible(page, name);
}

async function signInAdmin(page: Page) {
  await signIn(page, adminEmail, adminPassword);
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
}

test('the first admin changes the one-time password, creates a user and grants a role', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, adminEmail, e2e.server.adminOneTimePassword);
  await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
  await page.getByLabel('Nuvarande lösenord').fill(e2e.server.adminOneTimePassword);
  await page.getByLabel('Nytt lösenord').fill(adminPassword);
  await page.getByLabel('Upprepa det nya lösenordet').fill(adminPassword);
  await page.getByRole('button', { name: 'Spara lösenord' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();

  await page.getByRole('banner').getByRole('link', { name: 'Administration' }).click();
  await check(page, 'Administration', 'admin-home');

  await page.getByRole('link', { name: 'Användare' }).first().click();
  await check(page, 'Användare', 'admin-users');
  const form = page.locator('#user-form');
  await form.getByLabel('E-postadress').fill('nils.berg@lagesbild.local');
  await form.getByLabel('Namn').fill('Nils Berg');
  await form.getByRole('button', { name: 'Skapa kontot' }).click();
  const secret = page.getByTestId('one-time-password');
  await secret.waitFor();
  const password = (await secret.innerText()).trim();
  assert.ok(password.length >= 12, 'a one-time password is shown');
  await page
    .locator('tbody tr', { hasText: 'Nils Berg' })
    .getByText('Väntar på första inloggning')
    .waitFor();
  await screenshot(page, 'admin-users-created-desktop');
  await assertAccessible(page, 'users with the one-time password');
  await page.getByRole('button', { name: 'Jag har skrivit upp lösenordet' }).click();
  assert.equal(await secret.count(), 0, 'the password is shown once');

  // A role in the demo event: a unit reporter must be tied to a unit.
  await page.goto(`/events/${e2e.server.eventId}/admin/access`);
  await check(page, 'Behörigheter', 'admin-access');
  const grant = page.locator('#grant-form');
  await grant
    .getByLabel('Användare')
    .selectOption({ label: 'Nils Berg (nils.berg@lagesbild.local)' });
  await grant.getByLabel('Roll').selectOption({ label: 'Enhetsrapportör' });
  await grant.getByRole('button', { name: 'Ge rollen' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Fyll i Enhet.' }).waitFor();
  await grant.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Närhälsan' });
  await grant.getByRole('button', { name: 'Ge rollen' }).click();
  await page.getByText('Rollen är given.').waitFor();
  const row = page.locator('tbody tr', { hasText: 'Nils Berg' });
  await row.getByRole('cell', { name: 'Enhetsrapportör', exact: true }).waitFor();
  await row.getByRole('cell', { name: 'Närhälsan', exact: true }).waitFor();
  await screenshot(page, 'admin-access-granted-desktop');

  // The new user signs in with the one-time password.
  const other = await e2e.newContext();
  const userPage = await other.newPage();
  await signIn(userPage, 'nils.berg@lagesbild.local', password);
  await userPage.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
  await other.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a template section moves down with the keyboard and is saved; a conflict keeps the order', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInAdmin(page);
  await page.goto(`/events/${e2e.server.eventId}/admin/templates`);
  await check(page, 'Mallar', 'admin-templates');
  await page.getByRole('button', { name: /^Öppna\W+Regional rapport \(vecka\)$/ }).click();
  await page.getByRole('heading', { name: 'Mallen Regional rapport (vecka)' }).waitFor();

  const titles = () =>
    page
      .locator('#template-sections ~ ol.section-order > li > .section-order__row input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const before = await titles();
  assert.equal(before[1], 'Kommunikativ lägesbild och åtgärder');

  await page.getByRole('button', { name: /^Ned\W+Kommunikativ lägesbild och åtgärder$/ }).focus();
  await page.keyboard.press('Enter');
  const after = await titles();
  assert.deepEqual(after.slice(0, 3), [before[0], before[2], before[1]]);
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    '↓ Ned: Kommunikativ lägesbild och åtgärder',
    'focus follows the moved section',
  );
  await page.getByText('Kommunikativ lägesbild och åtgärder flyttades till plats 3 av').waitFor();
  await page.getByText('Osparade ändringar').waitFor();
  await screenshot(page, 'admin-templates-moved-desktop');
  await assertAccessible(page, 'template with a moved section');

  await page.getByRole('button', { name: 'Spara mallen' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(/Mallen är sparad \(version \d+\)\./).waitFor();

  // Saved for real: the server has the new order.
  const eventId = e2e.server.eventId;
  const list = (await (await page.request.get(`/api/events/${eventId}/templates`)).json()) as {
    items: { id: number; name: string; version: number; sections: { key: string }[] }[];
  };
  const weekly = list.items.find((item) => item.name === 'Regional rapport (vecka)')!;
  assert.equal(weekly.sections[2]!.key, 'communication-picture');

  // Someone else saves meanwhile; our next save meets a conflict and keeps our order.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.put(`/api/events/${eventId}/templates/${weekly.id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      version: weekly.version,
      name: 'Regional rapport (vecka, ändrad)',
      sections: weekly.sections,
    },
  });
  assert.equal(response.status(), 200);
  await page.getByRole('button', { name: /^Upp\W+Bakgrund$/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText('Någon annan har ändrat samma post').waitFor();
  const mine = await titles();
  await screenshot(page, 'admin-templates-conflict-desktop');
  await page.getByRole('button', { name: 'Behåll min version och spara igen' }).click();
  await page.getByText(/Mallen är sparad \(version \d+\)\./).waitFor();
  assert.deepEqual(await titles(), mine);
  assert.deepEqual(problems, []);
  await context.close();
});

test('units, distribution lists and the audit trail', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInAdmin(page);

  await page.goto('/admin/units');
  await check(page, 'Enheter och platser', 'admin-units');

  await page.goto(`/events/${e2e.server.eventId}/admin/distribution`);
  await check(page, 'Sändlistor', 'admin-distribution');
  const form = page.locator('#list-form');
  await form.getByLabel('Namn').fill('Ledningsgruppen');
  await form.getByLabel('Mottagare').fill('Anna Berg <anna.berg@example.se>\ninte-en-adress');
  await form.getByRole('button', { name: 'Spara sändlistan' }).click();
  await page.getByRole('alert').getByText('Ange en giltig e-postadress.').waitFor();
  await form.locator('.field-error').getByText('Ange en giltig e-postadress.').waitFor();
  await form.getByLabel('Mottagare').fill('Anna Berg <anna.berg@example.se>\nbo.ek@example.se');
  await form.getByRole('button', { name: 'Spara sändlistan' }).click();
  await page.getByText('Ledningsgruppen är sparad med 2 mottagare.').waitFor();

  await page.goto('/admin/audit');
  await check(page, 'Granskningslogg', 'admin-audit');
  await page.getByLabel('Åtgärd').selectOption({ label: 'Lösenord bytt' });
  await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
  await page.locator('tbody tr').first().getByText('auth.password_change').waitFor();
  for (const cell of await page.locator('tbody tr td:nth-child(3)').allInnerTexts()) {
    assert.equal(cell.trim(), 'Lösenord bytt auth.password_change');
  }
  // A password change carries no record, so the item is named by its kind and id.
  const item = await page.locator('tbody tr td:nth-child(4)').first().innerText();
  assert.match(item, /^Användare \d+$/);

  await page.goto(`/events/${e2e.server.eventId}/admin/audit`);
  await check(page, 'Granskningslogg för händelsen', 'admin-event-audit');
  const older = page.getByRole('button', { name: 'Äldre →' });
  if (await older.isEnabled()) {
    const first = await page.locator('tbody tr').first().innerText();
    await older.click();
    await page.getByText('Sida 2', { exact: true }).waitFor();
    // The page number shows at once; the older records arrive with the next answer.
    await page.waitForFunction(
      (previous) => document.querySelector<HTMLElement>('tbody tr')?.innerText !== previous,
      first,
    );
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the accessibility statement is linked from every page and readable without signing in', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: 'Tillgänglighetsredogörelse' })
    .click();
  await check(page, 'Tillgänglighetsredogörelse', 'accessibility-statement');
  await page.getByRole('heading', { name: 'Kända brister' }).waitFor();
  const contact = page.getByRole('link', { name: accessibilityContact });
  assert.equal(await contact.getAttribute('href'), `mailto:${accessibilityContact}`);
  await context.close();
});

test('the admin screens are accessible on a phone', async () => {
  const context = await e2e.newContext(phone);
  const page = await context.newPage();
  await signInAdmin(page);
  for (const [path, heading, name] of [
    ['/admin/users', 'Användare', 'users'],
    ['/admin/units', 'Enheter och platser', 'units'],
    ['/admin/audit', 'Granskningslogg', 'audit'],
    [`/events/${e2e.server.eventId}/admin/access`, 'Behörigheter', 'access'],
    [`/events/${e2e.server.eventId}/admin/templates`, 'Mallar', 'templates'],
    [`/events/${e2e.server.eventId}/admin/distribution`, 'Sändlistor', 'distribution'],
    ['/tillganglighet', 'Tillgänglighetsredogörelse', 'accessibility'],
  ] as const) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').waitFor({ state: 'detached' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `${name}: no sideways scrolling on a phone (${overflow}px)`);
    await screenshot(page, `admin-${name}-phone`);
    await assertAccessible(page, `${name} (phone)`);
  }
  await context.close();
});
