// Issue 20 "Show it": a facility status report designed in the browser of the live demo event:
// a five-level colour scale, lettered sections, the labels Initial / Uppdatering N / Slutrapport
// in the title, prepared and approved by with their roles, and key figures with threshold bands
// and their own unit of measure. Three reports of the series are written, approved and published;
// the published page, the PDF and the Word file are read back. The template the editor exports is
// the one shipped in the library. The screenshots go to the docs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { formatLongDate } from '../src/core/time.ts';
import { fillLevel, moveUp } from './scale-levels.ts';
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
const shippedFile = path.resolve(
  import.meta.dirname,
  '../src/server/setups/shipped/vardinrattning-status.json',
);
const templateName = 'Statusrapport för sjukhusen';
const occupancyCaption = 'Beläggningsgrad i slutenvården: antal enheter per band';
const headings = [
  'A. Sammanfattning',
  'B. Sjukhusens läge',
  'C. Kapacitet',
  'C.1 Omstyrning av ambulanser',
  'D. Åtgärder',
];

async function signedIn(email?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  if (email) await signIn(page, email, demoPassword);
  else await signInFirstAdmin(page, e2e, 'Statusrapportens-ritbord-2026');
  return { context, page };
}

async function liveEventId(page: Page): Promise<number> {
  const events = (await (await page.request.get('/api/events')).json()) as {
    items: { id: number }[];
  };
  return events.items.find((event) => event.id !== e2e.server.eventId)!.id;
}

const levels = [
  { name: 'Grön', nameEn: 'Green', colour: '#00703c', symbol: '●', meaning: 'Normal drift.' },
  {
    name: 'Gul',
    nameEn: 'Yellow',
    colour: '#ffdd00',
    symbol: '▲',
    meaning: 'Ansträngt, verksamheten klarar sig själv.',
  },
  {
    name: 'Röd',
    nameEn: 'Red',
    colour: '#d4351c',
    symbol: '■',
    meaning: 'Kritiskt: patienter styrs om till andra sjukhus.',
  },
  {
    name: 'Orange',
    nameEn: 'Orange',
    colour: '#f47738',
    symbol: '◆',
    meaning: 'Mycket ansträngt, stöd kan behövas.',
  },
  {
    name: 'Svart',
    nameEn: 'Black',
    colour: '#0b0c0c',
    symbol: '✕',
    meaning: 'Verksamheten kan inte upprätthållas utan hjälp utifrån.',
  },
];

/** Green, yellow, orange, red and black, each with its symbol so colour is never the only sign. */
async function fiveLevelScale(page: Page, eventId: number): Promise<void> {
  await page.goto(`/events/${eventId}/admin`);
  await page.getByRole('link', { name: 'Skalor' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Skalor' }).waitFor();
  const scale = page.getByRole('region', { name: 'Statusskala' });
  await scale.locator('#status-0-name').waitFor();
  for (const [index, level] of levels.entries()) {
    if (index >= 3) await scale.getByRole('button', { name: 'Lägg till nivå' }).click();
    await fillLevel(scale, index, level);
    await scale.locator(`#status-${index}-nameEn`).fill(level.nameEn);
    // Orange belongs between yellow and red.
    if (level.name === 'Orange') await moveUp(page, scale, index, 1);
  }
  await scale.getByRole('button', { name: 'Spara statusskalan' }).click();
  await scale.getByRole('status').getByText('Skalan är sparad.').waitFor();
  await page.screenshot({ path: path.join(imagesDir, 'facility-scale.png'), fullPage: true });
}

/**
 * Today's values of the two figures for three units, as their reporters would send them, so that
 * the report's period has values to place in the bands (the demo's values end yesterday).
 */
async function reportTodaysFigures(page: Page, eventId: number): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
  };
  const units = (await (await page.request.get(`/api/events/${eventId}/units`)).json()) as {
    items: { unitId: number; parentUnitId: number | null }[];
  };
  const leaves = units.items.filter(
    (unit) => !units.items.some((other) => other.parentUnitId === unit.unitId),
  );
  const values = { beläggningsgrad: [97, 88, 103], 'vantande-akut': [31, 12, 20] };
  const observedAt = new Date(Date.now() - 60_000).toISOString();
  for (const [figureKey, perUnit] of Object.entries(values)) {
    for (const [index, value] of perUnit.entries()) {
      const recorded = await page.request.post(
        `/api/events/${eventId}/units/${leaves[index]!.unitId}/observations`,
        {
          headers: { 'x-csrf-token': csrfToken },
          data: { figureKey, value, observedAt, source: 'Vårdplatskoordinator' },
        },
      );
      assert.equal(recorded.status(), 201, await recorded.text());
    }
  }
}

async function addBand(page: Page, figure: string, index: number, from: string, label: string) {
  const bands = page.getByRole('group', { name: `Gränsvärden: ${figure}` });
  await bands.getByRole('button', { name: 'Lägg till band' }).click();
  const limit = bands.getByLabel(`Från och med (band ${index + 1})`);
  assert.equal(
    await limit.evaluate((element) => element === document.activeElement),
    true,
    'focus goes to the new band',
  );
  await limit.fill(from);
  await bands.getByLabel(`Bandets namn (band ${index + 1})`).fill(label);
}

async function designFacilityReport(page: Page, eventId: number): Promise<unknown> {
  await page.goto(`/events/${eventId}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByLabel('Mallens namn').fill(templateName);
  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await page.getByRole('heading', { name: `Mallen ${templateName}` }).waitFor();
  await page.getByLabel('Mönster för rubriken').fill('Statusrapport {label}, {date}');
  await page.getByLabel('Serie', { exact: true }).fill('status');
  await page.getByLabel('Numrering av avsnitten').selectOption({ label: 'Bokstäver: A, A.1, B …' });
  await page.getByLabel('Första rapporten').fill('Initial');
  await page.getByLabel('Följande rapporter').fill('Uppdatering {update}');
  await page.getByLabel('Slutrapport', { exact: true }).fill('Slutrapport');

  const settings = page.locator('.template-section-form');
  await page.getByRole('button', { name: /^Inställningar\W+Läget$/ }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Sammanfattning');
  await settings.getByLabel('Sammanfattning: visas först och märks som sammanfattning').check();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Sjukhusens läge');
  await settings
    .getByLabel('Starttext')
    .fill('Varje sjukhus bedömer sitt läge på den femgradiga skalan, från grönt till svart.');
  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('{unit:genitive} läge');
  await settings.getByLabel('Innehåll').selectOption({ label: 'Enheternas lägesbilder' });
  await page.getByRole('button', { name: /^Flytta in\W+\{unit:genitive\} läge$/ }).click();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Kapacitet');
  await settings.getByLabel('Innehåll').selectOption({ label: 'Nyckeltal' });
  await settings.getByLabel('Uppställning').selectOption({ label: 'Tabell: enheter × nyckeltal' });
  await settings.getByLabel('Beläggningsgrad i slutenvården (%)').check();
  await settings.getByLabel('Väntande patienter på akutmottagningen (st)').check();
  await addBand(page, 'Beläggningsgrad i slutenvården', 0, '0', 'Normal');
  await addBand(page, 'Beläggningsgrad i slutenvården', 1, '95', 'Ansträngd');
  await addBand(page, 'Beläggningsgrad i slutenvården', 2, '100', 'Överbeläggning');
  await settings.getByLabel('Måttenhet: Väntande patienter på akutmottagningen').fill('patienter');
  await addBand(page, 'Väntande patienter på akutmottagningen', 0, '0', 'Lugnt');
  await addBand(page, 'Väntande patienter på akutmottagningen', 1, '25', 'Många väntande');
  await settings.getByLabel('Jämför med').selectOption({ label: 'Föregående rapport' });
  await settings.getByLabel('Visas när ett värde saknas').fill('u/a');
  await settings.getByLabel('Visa hur många enheter som har rapporterat').check();
  await settings.getByLabel('Rita diagram').uncheck();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Omstyrning av ambulanser');
  await settings.getByLabel('Innehåll').selectOption({ label: 'Omstyrning' });
  await page.getByRole('button', { name: /^Flytta in\W+Omstyrning av ambulanser$/ }).click();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Åtgärder');
  await settings.getByLabel('Innehåll').selectOption({ label: 'Åtgärder' });
  await settings.getByLabel('Bara det som pågår').check();

  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText(/Mallen är sparad \(version \d+\)\./).waitFor();
  await page.getByRole('button', { name: /^Inställningar\W+Kapacitet$/ }).click();
  await page.getByRole('group', { name: 'Gränsvärden: Beläggningsgrad i slutenvården' }).waitFor();
  await assertAccessible(page, 'facility template editor');
  await page.screenshot({ path: path.join(imagesDir, 'facility-editor.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner som fil' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'statusrapport-for-sjukhusen.lagesbild-mall.json');
  return JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as unknown;
}

/** A wrong band limit is refused by the server and shown beside its field. */
async function showsBandError(page: Page): Promise<void> {
  const bands = page.getByRole('group', { name: 'Gränsvärden: Beläggningsgrad i slutenvården' });
  const limit = bands.getByLabel('Från och med (band 2)');
  await limit.fill('nittiofem');
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await bands.getByText('Ange bandets gräns som ett tal, t.ex. 10 eller 2,5.').waitFor();
  assert.equal(await limit.getAttribute('aria-invalid'), 'true');
  await limit.fill('95');
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText(/Mallen är sparad \(version \d+\)\./).waitFor();
}

interface Published {
  title: string;
  publicHref: string;
}

/** The staff start a report of the kind and write its summary; the approver approves and publishes. */
async function writeAndPublish(
  staff: Page,
  approver: Page,
  eventId: number,
  kind: 'Ordinarie rapport' | 'Slutrapport',
  summary: string,
): Promise<Published> {
  await staff.goto(`/events/${eventId}/reports`);
  await staff.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await staff.getByLabel('Mall', { exact: true }).selectOption({ label: templateName });
  await staff.getByLabel(kind, { exact: true }).check();
  await staff.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await staff.getByRole('heading', { level: 1, name: /^(Rapport|Slutrapport) nr \d+/ }).waitFor();
  await staff.getByRole('link', { name: 'Sammanfattning', exact: true }).click();
  await staff.getByRole('heading', { level: 1, name: 'Sammanfattning' }).waitFor();
  const editor = staff.getByRole('textbox', { name: 'Text' });
  await editor.click();
  await staff.keyboard.press('ControlOrMeta+a');
  await staff.keyboard.press('Delete');
  await staff.keyboard.type(summary);
  await staff.getByRole('button', { name: 'Spara avsnittet' }).click();
  await staff.getByText(/Avsnittet är sparat/).waitFor();
  await staff.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  await staff.getByRole('button', { name: /^Skicka för granskning/ }).click();
  await staff.getByText('Rapporten är skickad för granskning.').waitFor();

  await approver.goto(staff.url());
  await approver.getByRole('button', { name: /^Godkänn rapporten/ }).click();
  await approver.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();
  await approver.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await approver
    .getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' })
    .waitFor();
  await approver.getByRole('button', { name: /^Publicera/ }).click();
  await approver.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  const publicHref = await approver
    .getByRole('link', { name: 'Öppna den offentliga versionen' })
    .getAttribute('href');
  await approver.goto(publicHref!, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  const title = await approver.getByRole('heading', { level: 1 }).innerText();
  return { title, publicHref: publicHref! };
}

async function fileOf(page: Page, name: string): Promise<Buffer> {
  const href = await page.locator(`a[href*="/${name}"]`).first().getAttribute('href');
  const answer = await page.request.get(href!);
  assert.equal(answer.status(), 200, name);
  return answer.body();
}

/** The PDF's text, and its pages as small PNGs for the docs. */
function pdfText(pdf: Buffer, pagesAs?: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'facility-pdf-'));
  const file = path.join(directory, 'rapport.pdf');
  fs.writeFileSync(file, pdf);
  try {
    if (pagesAs) execFileSync('pdftoppm', ['-png', '-r', '60', file, pagesAs]);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function wordParagraphs(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner]) =>
    [...(inner ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

/** The published page, its PDF and its Word file: letters, label, people with roles, bands. */
async function checkOutputs(page: Page, title: string, pdfPagesAs?: string): Promise<void> {
  const shown = await page.locator('main h2, main h3').allInnerTexts();
  const lettered = shown.filter((heading) => /^[A-D](\.\d+)?\.? /.test(heading));
  assert.deepEqual(
    lettered.filter((heading) => !/^B\.\d /.test(heading)),
    headings,
  );
  const perUnit = lettered.filter((heading) => /^B\.\d+ /.test(heading));
  assert.ok(perUnit.length > 0, 'one section per unit');
  assert.deepEqual(
    perUnit.map((heading) => heading.split(' ')[0]),
    perUnit.map((_, index) => `B.${index + 1}`),
  );
  const assessed = await page.locator('ul.levels li').allInnerTexts();
  assert.ok(
    assessed.some((text) => /[●▲◆■✕] (Grön|Gul|Orange|Röd|Svart)/.test(text)),
    `a level of the five-level scale with its symbol: ${assessed.join(' | ')}`,
  );
  const facts = await page.locator('ul.facts li').allInnerTexts();
  const prepared = facts.find((fact) => fact.startsWith('Sammanställd av: '));
  const approved = facts.find((fact) => fact.startsWith('Godkänd av: '));
  assert.match(prepared ?? '', /^Sammanställd av: .+ \(Stab\)$/);
  assert.match(approved ?? '', /^Godkänd av: .+ \(Godkännare\)$/);
  const bands = page.locator('table', {
    has: page.locator('caption', { hasText: occupancyCaption }),
  });
  assert.deepEqual(await bands.locator('tbody th, tbody td:first-child').allInnerTexts(), [
    'Normal',
    'Ansträngd',
    'Överbeläggning',
  ]);
  const cells = await page.locator('table td').allInnerTexts();
  assert.ok(
    cells.some((cell) => /\d\spatienter.* – (Lugnt|Många väntande)$/.test(cell)),
    `a value in its own unit with its band: ${cells.join(' | ')}`,
  );

  const pdf = pdfText(await fileOf(page, 'rapport.pdf'), pdfPagesAs).replace(/\s+/g, ' ');
  for (const expected of [title, ...headings, prepared!, approved!, occupancyCaption]) {
    assert.ok(pdf.includes(expected), `PDF: ${expected}`);
  }
  const word = await wordParagraphs(await fileOf(page, 'rapport.docx'));
  const wordText = word.join('\n');
  for (const expected of [title, prepared!, approved!, occupancyCaption]) {
    assert.ok(wordText.includes(expected), `Word: ${expected}`);
  }
  for (const heading of headings) assert.ok(word.includes(heading), `Word heading: ${heading}`);
}

test('a facility status report designed in the browser runs from Initial to Slutrapport', async () => {
  fs.mkdirSync(imagesDir, { recursive: true });
  const admin = await signedIn();
  const problems = [watchErrors(admin.page)];
  const eventId = await liveEventId(admin.page);
  await fiveLevelScale(admin.page, eventId);
  await reportTodaysFigures(admin.page, eventId);
  const exported = await designFacilityReport(admin.page, eventId);
  await showsBandError(admin.page);

  const shipped = JSON.parse(fs.readFileSync(shippedFile, 'utf8')) as {
    scales: { status: unknown[] };
    reportTemplates: { name: string; identity: unknown; sections: unknown }[];
  };
  const [template] = shipped.reportTemplates;
  assert.deepEqual(exported, {
    format: 'lagesbild-template',
    formatVersion: 1,
    name: template!.name,
    identity: template!.identity,
    sections: template!.sections,
  });
  const setup = (await (
    await admin.page.request.get(`/api/events/${eventId}/setup/file`)
  ).json()) as {
    scales: { status: unknown[] };
  };
  assert.deepEqual(setup.scales.status, shipped.scales.status);
  await admin.context.close();

  const staff = await signedIn(demoPeople.staff);
  const approver = await signedIn(demoPeople.approver);
  problems.push(watchErrors(staff.page), watchErrors(approver.page));
  const today = formatLongDate(new Date(), 'sv');

  const initial = await writeAndPublish(
    staff.page,
    approver.page,
    eventId,
    'Ordinarie rapport',
    'Södra Älvsborgs sjukhus har överbeläggningar; övriga sjukhus har normal drift.',
  );
  assert.equal(initial.title, `Statusrapport Initial, ${today}`);
  await checkOutputs(approver.page, initial.title, path.join(imagesDir, 'facility-pdf'));
  await approver.page.screenshot({
    path: path.join(imagesDir, 'facility-published.png'),
    fullPage: true,
  });

  const update = await writeAndPublish(
    staff.page,
    approver.page,
    eventId,
    'Ordinarie rapport',
    'Beläggningen på Södra Älvsborgs sjukhus sjunker; omstyrningen fortsätter i dag.',
  );
  assert.equal(update.title, `Statusrapport Uppdatering 1, ${today}`);
  await checkOutputs(approver.page, update.title);

  const final = await writeAndPublish(
    staff.page,
    approver.page,
    eventId,
    'Slutrapport',
    'Alla sjukhus har normal drift. Staben avslutar rapporteringen.',
  );
  assert.equal(final.title, `Statusrapport Slutrapport, ${today}`);
  await checkOutputs(approver.page, final.title);

  assert.deepEqual(problems.flat(), []);
  await staff.context.close();
  await approver.context.close();
});
