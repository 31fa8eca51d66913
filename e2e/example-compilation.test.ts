// Issue 20 "Show it": a compilation across several organisations. The event's units are regions
// in two healthcare regions, built on the Enheter screen; the template, designed in the editor,
// repeats one key-figure block for every region with the missing mark and "N av M enheter har
// rapporterat"; some regions report, one does not. The published HTML, PDF and Word show one
// section per region in the event's order. The exported template is the one the library ships.
// A second test drags a section in the tree and checks the order saved on the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { formatLongDate, periodOf } from '../src/core/time.ts';
import { grantRole } from '../src/server/access/service.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { createEvent, shippedSetups } from '../src/server/setups/service.ts';
import { findUserByEmail } from '../src/server/users/repository.ts';
import { docxParagraphs, htmlHeadings, pdfToText } from '../test/render/helpers.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  signIn,
  signInFirstAdmin,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();
const imagesDir = path.resolve(import.meta.dirname, '../docs/images/templates');
const templateName = 'Sammanställning per organisation';

/** The healthcare regions and their regions, in the order the event lists them. */
const organisations = `kod;namn;kortnamn;slag;överordnad
SVR-NORR;Norra sjukvårdsregionen;Norra;grupp;
REG-AC;Region Västerbotten;Västerbotten;region;SVR-NORR
REG-BD;Region Norrbotten;Norrbotten;region;SVR-NORR
SVR-SODRA;Södra sjukvårdsregionen;Södra;grupp;
REG-M;Region Skåne;Skåne;region;SVR-SODRA
REG-K;Region Blekinge;Blekinge;region;SVR-SODRA
REG-N;Region Halland;Halland;region;SVR-SODRA
`;
const regions = [
  'Region Västerbotten',
  'Region Norrbotten',
  'Region Skåne',
  'Region Blekinge',
  'Region Halland',
];

/** What each region reports today: Norrbotten leaves one figure out, Blekinge reports nothing. */
const reported: Record<string, { available?: number; occupied?: number }> = {
  'REG-AC': { available: 24, occupied: 19 },
  'REG-BD': { available: 12 },
  'REG-M': { available: 48, occupied: 41 },
  'REG-N': { available: 10, occupied: 8 },
};

/** The lines each region's section shows, in the event's order, the figures by name. */
const expectedLines = [
  ['Belagda IVA-platser: 19 platser', 'Disponibla IVA-platser: 24 platser'],
  ['Belagda IVA-platser: u/a', 'Disponibla IVA-platser: 12 platser'],
  ['Belagda IVA-platser: 41 platser', 'Disponibla IVA-platser: 48 platser'],
  ['Belagda IVA-platser: u/a', 'Disponibla IVA-platser: u/a'],
  ['Belagda IVA-platser: 8 platser', 'Disponibla IVA-platser: 10 platser'],
];

async function signedIn(email: string) {
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, email, demoPassword);
  return { context, page };
}

async function newEventWithStaff(name: string): Promise<number> {
  const db = e2e.server.database.db;
  const event = await createEvent(db, systemActor, {
    name,
    description: '',
    background: '',
    isExercise: true,
    periodGranularity: 'day',
    fourEyes: true,
  });
  for (const [email, role] of [
    [demoPeople.staff, 'staff'],
    [demoPeople.approver, 'approver'],
  ] as const) {
    const user = await findUserByEmail(db, email);
    await grantRole(db, systemActor, event.id, { userId: user!.id, role, unitId: null });
  }
  return event.id;
}

/** The Enheter screen: the standard units out, the regions in their healthcare regions in. */
async function buildOrganisations(page: Page, eventId: number): Promise<void> {
  await page.goto(`/events/${eventId}/admin/units`);
  await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
  const removers = page.getByRole('button', { name: /^Ta bort\W/ });
  await removers.first().waitFor();
  while ((await removers.count()) > 0) {
    const label = await removers.first().innerText();
    await removers.first().click();
    const name = label.replace(/^Ta bort\W+/, '');
    await page.getByText(`${name} är borttagen ur händelsen.`).waitFor();
  }
  await page.getByLabel('Eller klistra in raderna').fill(organisations);
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByText('7 enheter är inlästa.').waitFor();
  await page.screenshot({
    path: path.join(imagesDir, 'compilation-units.png'),
    fullPage: true,
  });
}

/** The regions' figures for today, as a feed or a unit's reporter would send them. */
async function reportFigures(page: Page, eventId: number): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  const units = (await (await page.request.get(`/api/events/${eventId}/units`)).json()) as {
    items: { unitId: number; code: string }[];
  };
  const today = periodOf(new Date(), 'day', 'Europe/Stockholm');
  const observedAt = new Date((today.start.getTime() + Date.now()) / 2).toISOString();
  for (const [field, key, name] of [
    ['available', 'iva-disponibla', 'Disponibla IVA-platser'],
    ['occupied', 'iva-belagda', 'Belagda IVA-platser'],
  ] as const) {
    const created = await page.request.post(`/api/events/${eventId}/figures`, {
      headers,
      data: { key, name, unitOfMeasure: 'platser' },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: number };
    for (const [code, values] of Object.entries(reported)) {
      if (values[field] === undefined) continue;
      const unitId = units.items.find((unit) => unit.code === code)!.unitId;
      const observed = await page.request.post(
        `/api/events/${eventId}/figures/${id}/observations`,
        { headers, data: { value: values[field], observedAt, unitId, internal: false } },
      );
      assert.equal(observed.status(), 201, await observed.text());
    }
  }
}

async function designCompilation(page: Page, eventId: number): Promise<void> {
  await page.goto(`/events/${eventId}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByLabel('Mallens namn').fill(templateName);
  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await page.getByRole('heading', { name: `Mallen ${templateName}` }).waitFor();
  await page.getByLabel('Mönster för rubriken').fill('{event} – sammanställning {date}');
  await page.getByLabel('Serie', { exact: true }).fill('sammanstallning');

  const settings = page.locator('.template-section-form');
  await page.getByRole('button', { name: /^Inställningar\W+Läget$/ }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Sammanfattning');
  await settings.getByLabel('Sammanfattning: visas först och märks som sammanfattning').check();

  // No figure and no unit chosen: every figure of the event, for every organisation in it.
  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Läget per organisation');
  await settings.getByLabel('Innehåll').selectOption({ label: 'Nyckeltal' });
  await settings.getByLabel('Uppställning').selectOption({ label: 'Lista' });
  await settings.getByLabel('Jämför med').selectOption({ label: 'Föregående rapport' });
  await settings.getByLabel('Visas när ett värde saknas').fill('u/a');
  await settings.getByLabel('Visa hur många enheter som har rapporterat').check();
  await settings.getByLabel('Rita diagram').uncheck();
  await settings.getByLabel('Upprepa blocket för varje enhet').check();
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText('Mallen är sparad (version 2).').waitFor();
  await assertAccessible(page, 'compilation template editor');
  await page.screenshot({ path: path.join(imagesDir, 'compilation-editor.png'), fullPage: true });
}

/** The template as the editor's "Ladda ner som fil" gives it. */
async function exportedTemplate(page: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner som fil' }).click(),
  ]);
  return JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
}

async function writeAndSubmit(page: Page, eventId: number): Promise<string> {
  await page.goto(`/events/${eventId}/reports`);
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByLabel('Mall', { exact: true }).selectOption({ label: templateName });
  await page.getByLabel('Ordinarie rapport').check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: /^Rapport nr \d+/ }).waitFor();
  await page.getByRole('link', { name: 'Sammanfattning', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sammanfattning' }).waitFor();
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Fyra av fem regioner har rapporterat; Blekinge saknas.');
  await page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await page.getByText(/Avsnittet är sparat/).waitFor();
  await page.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  await page.getByRole('button', { name: /^Skicka för granskning/ }).click();
  await page.getByText('Rapporten är skickad för granskning.').waitFor();
  return page.url();
}

async function approveAndPublish(page: Page, reportUrl: string): Promise<string> {
  await page.goto(reportUrl);
  await page.getByRole('button', { name: /^Godkänn rapporten/ }).click();
  await page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();
  await page.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' }).waitFor();
  await page.getByRole('button', { name: /^Publicera/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  const href = await page
    .getByRole('link', { name: 'Öppna den offentliga versionen' })
    .getAttribute('href');
  return href!;
}

/** The text with no-break spaces as plain ones, as a reader sees it. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** The positions of `needles` in `text`, asserting each is found after the one before. */
function assertInOrder(text: string, needles: string[], output: string): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `${output}: "${needle}" after position ${from}`);
    from = at + needle.length;
  }
}

const inOrder = [
  '4 av 5 enheter har rapporterat',
  ...regions.flatMap((region, index) => [region, ...expectedLines[index]!]),
];

async function checkPublishedHtml(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const headings = htmlHeadings(await page.content());
  const parent = headings.find(([, text]) => text === 'Läget per organisation')!;
  const below = headings.slice(headings.indexOf(parent) + 1, headings.indexOf(parent) + 6);
  assert.deepEqual(
    below,
    regions.map((region) => [parent[0] + 1, region]),
  );
  for (const [index, region] of regions.entries()) {
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: region, exact: true }),
    });
    assert.deepEqual(
      (await section.last().getByRole('listitem').allInnerTexts()).map(plain),
      expectedLines[index],
    );
  }
  assertInOrder(plain(await page.locator('main').innerText()), inOrder, 'HTML');
}

/** PNGs of the PDF's pages for the docs, at 60 dpi. */
function pdfPages(pdf: Buffer): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sammanstallning-'));
  const file = path.join(folder, 'rapport.pdf');
  fs.writeFileSync(file, pdf);
  const made = spawnSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    file,
    path.join(imagesDir, 'compilation-pdf'),
  ]);
  assert.equal(made.status, 0, made.stderr.toString());
  fs.rmSync(folder, { recursive: true });
}

async function checkPdfAndWord(page: Page): Promise<void> {
  const download = async (file: string) => {
    const href = await page.locator(`a[href*="/${file}"]`).first().getAttribute('href');
    const answer = await page.request.get(href!);
    assert.equal(answer.status(), 200, file);
    return answer.body();
  };
  const pdf = await download('rapport.pdf');
  assertInOrder(plain(pdfToText(pdf)), inOrder, 'PDF');
  pdfPages(pdf);

  const zip = await JSZip.loadAsync(await download('rapport.docx'));
  const paragraphs = docxParagraphs((await zip.file('word/document.xml')!.async('string')) ?? '');
  const parent = paragraphs.findIndex((paragraph) => paragraph.text === 'Läget per organisation');
  const headingLevel = Number(/\d+$/.exec(paragraphs[parent]!.style)![0]);
  assert.deepEqual(
    paragraphs
      .slice(parent + 1)
      .filter((paragraph) => paragraph.style.startsWith('Heading'))
      .slice(0, 5),
    regions.map((region) => ({
      style: `Heading${headingLevel + 1}`,
      text: region,
      numbered: false,
    })),
  );
  assertInOrder(plain(paragraphs.map((paragraph) => paragraph.text).join('\n')), inOrder, 'Word');
}

test('a compilation across several organisations repeats one key-figure block per region', async () => {
  fs.mkdirSync(imagesDir, { recursive: true });
  const eventId = await newEventWithStaff('Intensivvården i norr och söder');
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [watchErrors(page)];
  await signInFirstAdmin(page, e2e, 'Sammanstallningens-ritbord-2026');
  await buildOrganisations(page, eventId);
  await reportFigures(page, eventId);
  await designCompilation(page, eventId);

  // The library ships this very template: the national set-up's third report template.
  const { format, formatVersion, ...exported } = await exportedTemplate(page);
  assert.deepEqual([format, formatVersion], ['lagesbild-template', 1]);
  const { kind, ...shipped } = shippedSetups.national.reportTemplates.find(
    (template) => template.name === templateName,
  )!;
  assert.deepEqual([kind, exported], ['custom', shipped]);
  await context.close();

  const staff = await signedIn(demoPeople.staff);
  problems.push(watchErrors(staff.page));
  const reportUrl = await writeAndSubmit(staff.page, eventId);
  const approver = await signedIn(demoPeople.approver);
  problems.push(watchErrors(approver.page));
  const publicHref = await approveAndPublish(approver.page, reportUrl);

  await approver.page.goto(publicHref);
  const title = `Intensivvården i norr och söder – sammanställning ${formatLongDate(new Date(), 'sv')}`;
  await checkPublishedHtml(approver.page, title);
  await approver.page.screenshot({
    path: path.join(imagesDir, 'compilation-published.png'),
    fullPage: true,
  });
  await checkPdfAndWord(approver.page);
  assert.deepEqual(problems.flat(), []);
  await staff.context.close();
  await approver.context.close();
});

test('a section dragged by its handle in the tree lands before the row it is dropped on', async () => {
  const eventId = await newEventWithStaff('Dra och släpp');
  const db = e2e.server.database.db;
  const staffUser = await findUserByEmail(db, demoPeople.staff);
  await grantRole(db, systemActor, eventId, {
    userId: staffUser!.id,
    role: 'designer',
    unitId: null,
  });
  const { context, page } = await signedIn(demoPeople.staff);
  const problems = watchErrors(page);
  await page.goto(`/events/${eventId}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByLabel('Mallens namn').fill('Ordningen');
  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await page.getByRole('heading', { name: 'Mallen Ordningen' }).waitFor();
  const settings = page.locator('.template-section-form');
  for (const title of ['Bakgrund', 'Kontakter']) {
    await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
    await settings.getByLabel('Rubrik', { exact: true }).fill(title);
  }
  const rows = page.locator('#template-sections ~ ol.section-order > li');
  const row = (title: string) =>
    rows.filter({
      has: page.getByRole('button', { name: new RegExp(`^Inställningar\\W+${title}$`) }),
    });
  await row('Kontakter')
    .locator('.section-order__grip')
    .dragTo(row('Läget').locator('.section-order__row'));
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText('Mallen är sparad (version 2).').waitFor();

  const stored = (await (await page.request.get(`/api/events/${eventId}/templates`)).json()) as {
    items: { name: string; sections: { title: string }[] }[];
  };
  assert.deepEqual(
    stored.items
      .find((template) => template.name === 'Ordningen')!
      .sections.map((section) => section.title),
    ['Kontakter', 'Läget', 'Bakgrund'],
  );
  assert.deepEqual(problems, []);
  await context.close();
});
