// Security keys in real Chromium: a CDP virtual authenticator (ctap2, usb, resident keys, user
// verification) registers a key on the second-factor page; after signing out, the password and
// the key sign in again, and removing the key asks for the key once more.
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

// Browsers refuse WebAuthn on an IP address: the server is addressed as localhost.
const e2e = useE2E('localhost');

test('a user adds a security key and signs in with the password and the key', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await signIn(page, demoPeople.approver, demoPassword);
  await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Säkerhetsnycklar' }).waitFor();
  await assertAccessible(page, 'security keys');

  // A key without a name is named beside the field.
  await page.getByRole('button', { name: 'Lägg till säkerhetsnyckel' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Ge nyckeln ett namn.' }).waitFor();

  await page.getByLabel('Namn på nyckeln').fill('YubiKey på kontoret');
  await page.getByRole('button', { name: 'Lägg till säkerhetsnyckel' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dina reservkoder' }).waitFor();
  await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
  await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
  await page
    .getByTestId('security-keys')
    .getByText('YubiKey på kontoret', { exact: true })
    .waitFor();
  await screenshot(page, 'security-keys-desktop');

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('E-postadress').waitFor();
  await page.getByLabel('E-postadress').fill(demoPeople.approver);
  await page.getByLabel('Lösenord', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ange kod' }).waitFor();
  await assertAccessible(page, 'security key step');
  await page.getByRole('button', { name: 'Använd säkerhetsnyckel' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();

  // Removing the key takes the key (or a code) again, asked for on its own page.
  await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
  await page.getByRole('button', { name: 'Ta bort YubiKey på kontoret' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bekräfta att det är du' }).waitFor();
  await page.getByText('Innan du tar bort nyckeln "YubiKey på kontoret"').waitFor();
  await assertAccessible(page, 'step-up with a key');
  await page.getByRole('button', { name: 'Bekräfta', exact: true }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Ange koden.' }).waitFor();
  assert.equal(await page.locator('#step-up-code').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'security-key-step-up-desktop');
  await page.getByRole('button', { name: 'Använd säkerhetsnyckel' }).click();
  await page.getByText('Nyckeln "YubiKey på kontoret" är borttagen.').waitFor();
  await page.getByText('Inga säkerhetsnycklar är tillagda.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
