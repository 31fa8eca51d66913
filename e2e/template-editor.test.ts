// The template editor: a template made from scratch in the browser, a key-figure section with a
// matrix layout and a text section, nested and reordered by keyboard, previewed with the live
// data, a server error shown beside its field, saved, exported and imported again; axe on it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, signInFirstAdmin, useE2E, watchErrors } from './support.ts';

const e2e = useE2E();
const imagesDir = path.resolve(import.meta.dirname, '../docs/images/templates');

interface StoredSection {
  key: string;
  title: string;
  kind: string;
  text: string;
  children: StoredSection[];
  figures?: { layout: string; figures: { key: string; rule: string }[] };
}

/** The titles in the tree, indented by level. */
function treeTitles(page: Page) {
  return page.locator('#template-sections ~ ol.section-order input.input').evaluateAll((inputs) =>
    inputs.map((input) => {
      let depth = 0;
      for (let node = input.closest('ol'); node; node = node.parentElement!.closest('ol')) {
        depth++;
      }
      return `${'  '.repeat(depth - 1)}${(input as HTMLInputElement).value}`;
    }),
  );
}

async function focusedText(page: Page) {
  return page.evaluate(() => document.activeElement?.textContent);
}

test('a staff designs a template in the browser, previews, saves, exports and imports it', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, 'Mallarnas-ritbord-2026');
  const events = (await (await page.request.get('/api/events')).json()) as {
    items: { id: number; name: string }[];
  };
  const live = events.items.find((event) => event.id !== e2e.server.eventId)!;

  await page.goto(`/events/${live.id}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByLabel('Mallens namn').fill('Dagsrapport');
  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await page.getByText('Mallen Dagsrapport är skapad.').waitFor();
  await page.getByRole('heading', { name: 'Mallen Dagsrapport' }).waitFor();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  const settings = page.locator('.template-section-form');
  await settings.getByLabel('Rubrik', { exact: true }).fill('Nyckeltal i vården');
  assert.equal(
    await settings.getByLabel('Nyckel', { exact: true }).inputValue(),
    'nyckeltal-i-varden',
  );
  await settings.getByLabel('Innehåll').selectOption({ label: 'Nyckeltal' });
  await settings.getByLabel('Väntande patienter på akutmottagningen (st)').check();
  await settings.getByLabel(/^Värde\W+Väntande patienter på akutmottagningen$/).selectOption({
    label: 'Senaste i perioden',
  });
  await settings.getByLabel('Uppställning').selectOption({ label: 'Tabell: enheter × nyckeltal' });
  await settings.getByLabel('Visa hur många enheter som har rapporterat').check();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Kommentar');
  await settings.getByLabel('Starttext').fill('Läget är stabilt.');
  assert.deepEqual(await treeTitles(page), ['Läget', 'Nyckeltal i vården', 'Kommentar']);

  // Nest by keyboard: the comment goes in under the key figures; focus stays on the comment.
  await page.getByRole('button', { name: /^Flytta in\W+Kommentar$/ }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await treeTitles(page), ['Läget', 'Nyckeltal i vården', '  Kommentar']);
  assert.equal(await focusedText(page), 'Inställningar: Kommentar');
  await page.getByText('Kommentar flyttades till plats 1 av 1 på nivå 2.').waitFor();

  // Reorder by keyboard: the key figures (with the comment) move to the top.
  await page.getByRole('button', { name: /^Ned\W+Läget$/ }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await treeTitles(page), ['Nyckeltal i vården', '  Kommentar', 'Läget']);
  assert.equal(await focusedText(page), 'Inställningar: Läget');
  await page.getByText('Läget flyttades till plats 2 av 2 på nivå 1.').waitFor();

  // Preview with the live data, rendered as a report's preview.
  await page.getByRole('button', { name: 'Förhandsgranska med aktuella data' }).click();
  const preview = page.getByTestId('template-preview');
  await preview.getByRole('heading', { name: 'Nyckeltal i vården' }).waitFor();
  await preview.getByRole('table').first().waitFor();
  assert.match(await preview.innerText(), /Väntande patienter på akutmottagningen/);
  assert.match(await preview.innerText(), /Läget är stabilt\./);

  // The server refuses a baseline without its day: the message stands beside that field.
  await page.getByRole('button', { name: /^Inställningar\W+Nyckeltal i vården$/ }).click();
  await settings.getByLabel('Jämför med').selectOption({ label: 'Ett utgångsläge' });
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  const baseline = settings.getByLabel('Utgångslägets dag');
  await baseline.waitFor();
  assert.equal(
    await page.locator(`#${await baseline.getAttribute('id')}-error`).textContent(),
    'Fel: Ange vilken dag som är utgångsläge.',
  );
  await assertAccessible(page, 'template editor with an error');
  await baseline.fill('2026-01-05');
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText('Mallen är sparad (version 2).').waitFor();

  const stored = (await (await page.request.get(`/api/events/${live.id}/templates`)).json()) as {
    items: { id: number; name: string; sections: StoredSection[] }[];
  };
  const daily = stored.items.find((item) => item.name === 'Dagsrapport')!;
  assert.deepEqual(
    daily.sections.map((section) => [
      section.key,
      section.kind,
      section.children.map((c) => c.key),
    ]),
    [
      ['nyckeltal-i-varden', 'key_figures', ['kommentar']],
      ['laget', 'text', []],
    ],
  );
  assert.equal(daily.sections[0]!.figures!.layout, 'matrix');
  assert.deepEqual(daily.sections[0]!.figures!.figures, [
    { key: 'vantande-akut', rule: 'latest', bands: [] },
  ]);
  assert.equal(daily.sections[0]!.children[0]!.text, 'Läget är stabilt.');

  await page.getByRole('button', { name: 'Förhandsgranska med aktuella data' }).click();
  await preview.getByRole('table').first().waitFor();
  await assertAccessible(page, 'template editor');
  fs.mkdirSync(imagesDir, { recursive: true });
  await page.screenshot({ path: path.join(imagesDir, 'template-editor.png'), fullPage: true });

  // Export, then import the file under another name; a file of another kind is refused.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner som fil' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'dagsrapport.lagesbild-mall.json');
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  assert.equal(exported.format, 'lagesbild-template');
  assert.equal(exported.formatVersion, 1);
  assert.deepEqual(exported.sections, daily.sections);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mall-'));
  const good = path.join(folder, 'dagsrapport.json');
  fs.writeFileSync(good, JSON.stringify({ ...exported, name: 'Dagsrapport (inläst)' }));
  const bad = path.join(folder, 'fel.json');
  fs.writeFileSync(bad, JSON.stringify({ ...exported, format: 'word' }));

  await page.getByLabel('Mallfil (JSON)').setInputFiles(bad);
  await page.getByRole('button', { name: 'Läs in mallen' }).click();
  assert.equal(
    await page.locator('#template-file-error').textContent(),
    'Fel: format: Filen är inte en mall från Lägesbild.',
  );
  await page.getByLabel('Mallfil (JSON)').setInputFiles(good);
  await page.getByRole('button', { name: 'Läs in mallen' }).click();
  await page.getByText('Mallen Dagsrapport (inläst) är inläst.').waitFor();
  await page.getByRole('heading', { name: 'Mallen Dagsrapport (inläst)' }).waitFor();
  assert.deepEqual(await treeTitles(page), ['Nyckeltal i vården', '  Kommentar', 'Läget']);
  await assertAccessible(page, 'template editor after import');

  // The series' next number: a number below 1 is refused beside the field; a later one is saved
  // and is there after a reload.
  const numbering = (await (
    await page.request.get(`/api/events/${live.id}/report-series`)
  ).json()) as { items: { series: string; lastNumber: number | null }[] };
  const next = (numbering.items.find((item) => item.series === 'main')?.lastNumber ?? 0) + 5;
  const nextNumber = page.getByLabel('Nästa nummer i serien main');
  await nextNumber.fill('0');
  await page.getByRole('button', { name: 'Spara nästa nummer' }).click();
  assert.equal(
    await page.locator('#series-next-number-error').textContent(),
    'Fel: Nästa nummer måste vara minst 1.',
  );
  await nextNumber.fill(String(next));
  await page.getByRole('button', { name: 'Spara nästa nummer' }).click();
  await page.getByText(`Nästa rapport i serien main får nummer ${next}.`).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByRole('button', { name: /^Öppna\W+Dagsrapport$/ }).click();
  await page.getByRole('heading', { name: 'Mallen Dagsrapport' }).waitFor();
  await page.waitForFunction(
    (value) =>
      (document.getElementById('series-next-number') as HTMLInputElement | null)?.value === value,
    String(next),
  );

  // Another admin sets the number meanwhile: saving ours says so beside the field, and saving
  // again stores ours over theirs.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const series = (await (
    await page.request.get(`/api/events/${live.id}/report-series`)
  ).json()) as { items: { series: string; version: number | null }[] };
  const theirs = await page.request.put(`/api/events/${live.id}/report-series/main`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      nextNumber: next + 2,
      version: series.items.find((item) => item.series === 'main')!.version,
    },
  });
  assert.equal(theirs.status(), 200, await theirs.text());
  await nextNumber.fill(String(next + 1));
  await page.getByRole('button', { name: 'Spara nästa nummer' }).click();
  await page.locator('#series-next-number-error').waitFor();
  assert.equal(
    await page.locator('#series-next-number-error').textContent(),
    `Fel: Någon annan har ändrat nästa nummer i serien ”main” till ${next + 2} sedan du läste det. Ditt nummer sparades inte; ändra och spara igen om det ska vara ett annat.`,
  );
  await assertAccessible(page, 'series number changed meanwhile');
  await page.getByRole('button', { name: 'Spara nästa nummer' }).click();
  await page.getByText(`Nästa rapport i serien main får nummer ${next + 1}.`).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
