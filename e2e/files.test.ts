// Files on the picture: a staff member attaches a file to a decision and adds one to the event's
// document library through the screens, downloads both, and a wrong file is refused beside the
// field with the server's words.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
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

const minutes = Buffer.from(
  'Protokoll från samverkanskonferensen kl. 09.00.\nDeltog: Maja Lindgren, Omar Nilsson.\n',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
]);

async function downloaded(page: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `Ladda ner ${name}` }).click(),
  ]);
  assert.equal(download.suggestedFilename(), name);
  return fs.readFileSync((await download.path())!);
}

test('a staff member attaches a file to a decision and to the library, and downloads them', async () => {
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);

  await page.goto(`/events/${eventId}/decisions`);
  await page.getByRole('heading', { level: 1, name: /^Beslut/ }).waitFor();
  const attachments = page.locator('details.attachments').first();
  await attachments.locator('summary').focus();
  await page.keyboard.press('Enter');
  await attachments.getByText('Inga filer ännu.').waitFor();
  await attachments.getByLabel('Välj fil').setInputFiles({
    name: 'Protokoll samverkan.txt',
    mimeType: 'text/plain',
    buffer: minutes,
  });
  await attachments.getByRole('button', { name: 'Ladda upp' }).click();
  await attachments.getByText('Protokoll samverkan.txt är uppladdad.').waitFor();
  await assertAccessible(page, 'decisions with an attachment');
  assert.deepEqual(await downloaded(page, 'Protokoll samverkan.txt'), minutes);

  await page.getByRole('link', { name: 'Dokument', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Dokument/ }).waitFor();
  await page.getByText('Inga filer ännu.').waitFor();
  await page.getByLabel('Välj fil').setInputFiles({
    name: 'Karta.pdf',
    mimeType: 'application/pdf',
    buffer: png,
  });
  await page.getByRole('button', { name: 'Ladda upp' }).click();
  const error = page.locator('.field--error');
  await error
    .getByText(
      'Filnamnet slutar på .pdf men innehållet är en PNG-bild. Ge filen rätt ändelse (.png) eller välj rätt fil.',
    )
    .waitFor();
  await assertAccessible(page, 'document library with a refused file');

  await page.getByLabel('Välj fil').setInputFiles({
    name: 'Sambandsplan.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await page.getByLabel('Endast för internt bruk').check();
  await page.getByRole('button', { name: 'Ladda upp' }).click();
  await page.getByText('Sambandsplan.pdf är uppladdad.').waitFor();
  assert.equal(await page.locator('.field--error').count(), 0);
  await assertAccessible(page, 'document library');
  await screenshot(page, 'files-library');
  assert.deepEqual(await downloaded(page, 'Sambandsplan.pdf'), pdf);

  assert.deepEqual(problems, []);
  await context.close();
});
