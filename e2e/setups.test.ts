// The library of event set-ups: import a file, start an event from it, and take an event's
// set-up home as a file. axe-core on each screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshot, signInFirstAdmin, useE2E, watchErrors } from './support.ts';

const adminPassword = 'Uppsättningarnas-prov-2027';

const stormSetup = {
  format: 'lagesbild.event-setup',
  formatVersion: 1,
  name: 'Storm i länet',
  description: 'Dygnsrapport för en stormhändelse.',
  rules: { fourEyes: false },
  reportTemplates: [
    {
      name: 'Dygnsrapport',
      kind: 'weekly',
      sections: [
        { key: 'lage', title: 'Läget just nu', kind: 'text' },
        { key: 'el', title: 'Elavbrott', kind: 'key_figures' },
      ],
    },
  ],
};

const e2e = useE2E();

async function settle(page: Page, heading: string, name: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name, true);
  await assertAccessible(page, name);
}

function fileOf(name: string, content: unknown) {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('an admin imports a set-up, starts an event from it and downloads the event’s set-up', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, adminPassword);

  await page.getByRole('banner').getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Uppsättningar' }).first().click();
  await settle(page, 'Uppsättningar', 'setups-library');
  const library = page.getByRole('table');
  assert.match(await library.innerText(), /Regional rapport – regional särskild sjukvårdsledning/);

  const fileField = page.getByLabel('Fil', { exact: true });
  await fileField.setInputFiles(fileOf('trasig.json', '{ inte json'));
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.locator('#setup-file-error').waitFor();
  assert.match(await page.locator('#setup-file-error').innerText(), /Filen är inte JSON/);

  const broken = structuredClone(stormSetup);
  broken.reportTemplates[0]!.sections[0]!.title = '';
  await fileField.setInputFiles(fileOf('fel.json', broken));
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page
    .locator('#setup-file-error')
    .getByText('I filen, vid reportTemplates.0.sections.0.title: Ange en rubrik.')
    .waitFor();
  await screenshot(page, 'setups-import-error', true);

  await fileField.setInputFiles(fileOf('storm.json', stormSetup));
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByText('Uppsättningen Storm i länet finns nu i biblioteket.').waitFor();
  await library.getByRole('row', { name: /Storm i länet/ }).waitFor();

  await page.goto('/events/new');
  await page.getByLabel('Namn').first().fill('Storm Gudrun 2');
  await page.getByLabel('En uppsättning i biblioteket').check();
  await page.getByRole('button', { name: 'Skapa händelse' }).click();
  await page.locator('#origin-setup-error').getByText('Välj en uppsättning.').waitFor();
  await page.getByLabel('Uppsättning', { exact: true }).selectOption({ label: 'Storm i länet' });
  await settle(page, 'Ny händelse', 'setups-new-event');
  await page.getByRole('button', { name: 'Skapa händelse' }).click();
  await page.getByRole('link', { name: 'Storm Gudrun 2', exact: true }).click();
  await page.waitForURL(/\/events\/\d+$/);
  const eventId = Number(/\/events\/(\d+)/.exec(page.url())![1]);

  await page.goto(`/events/${eventId}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  const templates = await page.getByRole('table').innerText();
  assert.match(templates, /Dygnsrapport/);
  assert.doesNotMatch(templates, /Regional rapport/);

  await page.goto(`/events/${eventId}/admin/setup`);
  await settle(page, 'Uppsättning', 'setups-event');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ner som fil' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'storm-gudrun-2.lagesbild.json');
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  assert.equal(exported.name, 'Storm Gudrun 2');
  assert.deepEqual(exported.rules, { fourEyes: false });
  assert.deepEqual(
    exported.reportTemplates.map((template: { name: string }) => template.name),
    ['Dygnsrapport'],
  );

  await page.getByLabel('Namn på uppsättningen').fill('Storm, vår egen');
  await page.getByRole('button', { name: 'Spara i biblioteket' }).click();
  await page.getByText('Uppsättningen Storm, vår egen är sparad i biblioteket.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
