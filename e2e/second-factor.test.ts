// Two-step verification: switching TOTP on with the key shown as text, the recovery codes shown
// once, signing in with a code from the app, computed here from the same secret, and new
// recovery codes after confirming with a recovery code. Security keys are refused on an IP address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from 'otplib';
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

test('a user switches on two-step verification and signs in with a code', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);
  await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' }).waitFor();
  // This server's address is an IP address: security keys are refused with a reason, TOTP works.
  await page.getByText('Säkerhetsnycklar kan inte läggas till här').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lägg till säkerhetsnyckel' }).count(), 0);
  await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
  await page.getByRole('img', { name: 'QR-kod för autentiseringsappen' }).waitFor();
  const shown = (await page.getByTestId('totp-secret').innerText()).trim();
  assert.match(shown, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'the secret is shown in groups of four');
  const secret = shown.replaceAll(' ', '');
  const copied = await page.getByTestId('totp-secret').evaluate((element) => {
    const event = new ClipboardEvent('copy', {
      clipboardData: new DataTransfer(),
      bubbles: true,
      cancelable: true,
    });
    element.dispatchEvent(event);
    return event.clipboardData?.getData('text/plain');
  });
  assert.equal(copied, secret, 'copying gives the plain secret');
  await assertAccessible(page, 'second factor enrolment');
  await screenshot(page, 'second-factor-enrol-desktop');

  // A wrong code is named beside the field.
  await page.getByLabel('Kod från appen').fill('000000');
  await page.getByRole('button', { name: 'Bekräfta' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Koden stämmer inte.' }).waitFor();
  assert.equal(await page.locator('#totp-code').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Kod från appen').fill(await generate({ secret }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Dina reservkoder' }).waitFor();
  const codes = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
  assert.equal(codes.length, 10);
  await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
  await context.close();

  const again = await e2e.newContext();
  const login = await again.newPage();
  const loginProblems = watchErrors(login);
  await login.goto('/login');
  await login.getByLabel('E-postadress').fill(demoPeople.reader);
  await login.getByLabel('Lösenord', { exact: true }).fill(demoPassword);
  await login.getByRole('button', { name: 'Logga in' }).click();
  await login.getByRole('heading', { level: 1, name: 'Ange kod' }).waitFor();
  await assertAccessible(login, 'second factor code step');
  // The confirmation spent this time step's code: the app's next one signs in.
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await login.getByLabel('Kod', { exact: true }).fill(code);
  await login.keyboard.press('Enter');
  await login.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();

  // New recovery codes take a fresh factor: the session alone is not enough.
  await login.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
  await login.getByRole('button', { name: 'Skapa nya reservkoder' }).click();
  await login.getByRole('heading', { level: 1, name: 'Bekräfta att det är du' }).waitFor();
  await assertAccessible(login, 'step-up');
  await login.getByLabel('Kod från appen eller en reservkod').fill('0000-0000-0000');
  await login.getByRole('button', { name: 'Bekräfta', exact: true }).click();
  await login
    .getByRole('alert')
    .getByRole('link', { name: 'Koden stämmer inte eller har redan använts.' })
    .waitFor();
  assert.equal(await login.locator('#step-up-code').getAttribute('aria-invalid'), 'true');
  await screenshot(login, 'second-factor-step-up-desktop');
  await login.getByLabel('Kod från appen eller en reservkod').fill(codes[0]!);
  await login.getByRole('button', { name: 'Bekräfta', exact: true }).click();
  await login.getByRole('heading', { level: 1, name: 'Dina reservkoder' }).waitFor();
  const renewed = await login.getByTestId('recovery-codes').locator('li').allInnerTexts();
  assert.equal(renewed.length, 10);
  assert.ok(
    renewed.every((code) => !codes.includes(code)),
    'the codes are new',
  );
  assert.deepEqual([...problems, ...loginProblems], []);
  await again.close();
});
