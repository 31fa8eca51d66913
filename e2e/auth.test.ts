// Signing in: the first admin's one-time password, the language switch, and keyboard only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  adminEmail,
  assertAccessible,
  demoPassword,
  demoPeople,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

test('the first admin signs in with a one-time password and must change it', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, adminEmail, e2e.server.adminOneTimePassword);
  await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/password');

  // Leaving for another page is not possible before the password is changed.
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();

  // The server's rule shows both in the summary and beside the field.
  await page.getByLabel('Nuvarande lösenord').fill(e2e.server.adminOneTimePassword);
  await page.getByLabel('Nytt lösenord').fill('kort');
  await page.getByLabel('Upprepa det nya lösenordet').fill('kort');
  await page.getByRole('button', { name: 'Spara lösenord' }).click();
  const message = 'Lösenordet måste ha minst 12 tecken.';
  await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
  const beside = page.locator('.field--error', { has: page.locator('#new-password') });
  assert.match(await beside.locator('.field-error').innerText(), /minst 12 tecken/);
  assert.equal(await page.locator('#new-password').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'password-error-desktop');
  await assertAccessible(page, 'password change with error');

  // The link in the summary moves focus to the field.
  await page.getByRole('alert').getByRole('link', { name: message }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-password');

  const newPassword = 'Ett-eget-lösenord-för-staben';
  await page.getByLabel('Nytt lösenord').fill(newPassword);
  await page.getByLabel('Upprepa det nya lösenordet').fill(newPassword);
  await page.getByRole('button', { name: 'Spara lösenord' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
  await page.getByText('Lösenordet är bytt.').waitFor();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();

  await signIn(page, adminEmail, newPassword);
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a wrong password is reported beside the field', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill(demoPeople.staff);
  await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('alert').getByText('Fel e-postadress eller lösenord.').waitFor();
  await page.locator('.field-error', { hasText: 'Fel e-postadress eller lösenord.' }).waitFor();
  await context.close();
});

test('the language switch is remembered', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('E-mail address').fill(demoPeople.staff);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
  await page.getByRole('link', { name: 'Millennium 2024', exact: true }).click();
  await page.getByText(/of 3 units have reported for week 47 2024/).waitFor();
  await screenshot(page, 'dashboard-english-desktop');
  await page.getByRole('button', { name: 'Byt till svenska' }).click();
  await page.getByText(/av 3 enheter har rapporterat för vecka 47 2024/).waitFor();
  await context.close();
});

test('signing in works with the keyboard alone, with focus visible', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();

  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({
    text: document.activeElement?.textContent,
    top: document.activeElement?.getBoundingClientRect().top ?? -1,
  }));
  assert.equal(first.text, 'Hoppa till innehållet', 'the skip link comes first');
  assert.ok(first.top >= 0, 'the skip link is visible when focused');

  for (let presses = 0; presses < 10; presses += 1) {
    if ((await page.evaluate(() => document.activeElement?.id)) === 'email') break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { width: style.outlineWidth, style: style.outlineStyle };
  });
  assert.equal(outline.style, 'solid', 'focus is visible on the field');
  assert.equal(outline.width, '3px');

  await page.keyboard.type(demoPeople.staff);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();

  // On to the dashboard with the keyboard: Tab to the event's link and follow it.
  for (let presses = 0; presses < 15; presses += 1) {
    const name = await page.evaluate(() => document.activeElement?.textContent);
    if (name === 'Millennium 2024') break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Millennium 2024/ }).waitFor();
  await context.close();
});
