// A hospital group's own set-up, built through the screens as a staff would: a new event from the
// standard, its units by CSV, a grey-to-black scale, bed figures on the return form and a daily
// period; then saved in the library and downloaded. axe-core on each screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { fillLevel, moveUp } from './scale-levels.ts';
import { assertAccessible, screenshot, signInFirstAdmin, useE2E, watchErrors } from './support.ts';

const e2e = useE2E();
/** The dashboard names the hospitals by their short names. */
const hospitalShortNames = ['Gruppen', 'Norra', 'Södra', 'Central', 'Kust', 'Inland'];
const adminPassword = 'Sjukhusgruppens-prov-2027';

const hospitalsCsv = [
  'kod;namn;kortnamn;slag;överordnad',
  'SG;Sjukhusgruppen;Gruppen;grupp;',
  'SG-NORR;Norra sjukhuset;Norra;sjukhus;SG',
  'SG-SODER;Södra sjukhuset;Södra;sjukhus;SG',
  'SG-CENTRAL;Centralsjukhuset;Central;sjukhus;SG',
  'SG-KUST;Kustsjukhuset;Kust;sjukhus;SG',
  'SG-INLAND;Inlandssjukhuset;Inland;sjukhus;SG',
].join('\n');

const extraLevels = [
  {
    name: 'Orange',
    colour: '#f47738',
    symbol: '◆',
    meaning: 'Överbeläggningar på flera avdelningar.',
  },
  {
    name: 'Svart',
    colour: '#0b0c0c',
    symbol: '✕',
    meaning: 'Verksamheten kan inte upprätthållas.',
  },
  { name: 'Grå', colour: '#b1b4b6', symbol: '–', meaning: 'Stängd eller ingen bedömning.' },
];

async function settle(page: Page, heading: string | RegExp, name: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name, true);
  await assertAccessible(page, name);
}

async function openAdmin(page: Page, eventId: number, link: string) {
  await page.goto(`/events/${eventId}/admin`);
  await page
    .getByRole('navigation', { name: 'Administration av händelsen' })
    .getByRole('link', { name: link, exact: true })
    .click();
}

async function buildUnits(page: Page, eventId: number) {
  await openAdmin(page, eventId, 'Enheter');
  await settle(page, 'Enheter', 'event-setup-units-before');
  const rows = page.locator('.unit-tree > li');
  for (let left = await rows.count(); left > 0; left -= 1) {
    await rows
      .first()
      .getByRole('button', { name: /^Ta bort/ })
      .click();
    await page.getByText(/är borttagen ur händelsen\./).waitFor();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.unit-tree > li').length === count,
      left - 1,
    );
  }
  await page.getByLabel('Eller klistra in raderna').fill(hospitalsCsv);
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByText('6 enheter är inlästa.').waitFor();
  await page.getByLabel('Namn på helheten').fill('Hela gruppen');
  await page.getByRole('button', { name: 'Spara ordningen' }).click();
  await page.getByText(/Enheterna är sparade/).waitFor();
  await settle(page, 'Enheter', 'event-setup-units');
}

async function addLevel(scale: Locator, index: number, level: (typeof extraLevels)[number]) {
  await scale.getByRole('button', { name: 'Lägg till nivå' }).click();
  await fillLevel(scale, index, level);
}

async function buildScale(page: Page, eventId: number) {
  await openAdmin(page, eventId, 'Skalor');
  await page.getByRole('heading', { level: 1, name: 'Skalor' }).waitFor();
  const scale = page.getByRole('region', { name: 'Statusskala' });
  await scale.locator('#status-0-name').fill('Grön');
  await scale.locator('#status-1-name').fill('Gul');
  await scale.locator('#status-2-name').fill('Röd');
  await addLevel(scale, 3, extraLevels[0]!);
  await moveUp(page, scale, 3, 1);
  await addLevel(scale, 4, extraLevels[1]!);
  await addLevel(scale, 5, extraLevels[2]!);
  await moveUp(page, scale, 5, 5);
  await scale.getByRole('button', { name: 'Spara statusskalan' }).click();
  await scale.getByRole('status').getByText('Skalan är sparad.').waitFor();
  await settle(page, 'Skalor', 'event-setup-scales');
}

async function addNumberField(page: Page, index: number, label: string, unit: string) {
  await page.locator('#new-kind').selectOption({ label: 'Tal (nyckeltal)' });
  await page.getByRole('button', { name: 'Lägg till fält' }).click();
  await page.locator(`#form-${index}-label`).fill(label);
  await page.locator(`#form-${index}-required`).check();
  await page.locator(`#form-${index}-figureName`).fill(label);
  await page.locator(`#form-${index}-figureUnit`).fill(unit);
}

async function buildForm(page: Page, eventId: number) {
  await openAdmin(page, eventId, 'Rapportformulär');
  await page.getByRole('heading', { level: 1, name: 'Rapportformulär' }).waitFor();
  await page.getByText('Händelsen har standardformuläret.').waitFor();
  await addNumberField(page, 8, 'Disponibla vårdplatser', 'platser');
  await addNumberField(page, 9, 'Belagda vårdplatser', 'platser');
  await addNumberField(page, 10, 'Överbeläggningar', 'patienter');
  await page.getByRole('button', { name: 'Spara formuläret' }).click();
  await page.getByText('Formuläret är sparat.').waitFor();
  await settle(page, 'Rapportformulär', 'event-setup-form');
}

async function buildPeriod(page: Page, eventId: number) {
  await openAdmin(page, eventId, 'Perioder och språk');
  await page.getByRole('heading', { level: 1, name: /Perioder och språk/ }).waitFor();
  await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Dag' });
  await page.getByLabel('Sista tid, klockslag').fill('08:00');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await page.getByRole('status').getByText('Inställningarna sparades.').waitFor();
  await settle(page, /Perioder och språk/, 'event-setup-period');
}

test('an admin builds a hospital group’s set-up through the screens and saves it in the library', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, adminPassword);

  await page.goto('/events/new');
  await page.getByLabel('Namn').first().fill('Sjukhusgruppen, vårdplatser');
  await page.getByRole('button', { name: 'Skapa händelse' }).click();
  await page.getByRole('link', { name: 'Sjukhusgruppen, vårdplatser', exact: true }).click();
  await page.waitForURL(/\/events\/\d+$/);
  const eventId = Number(/\/events\/(\d+)/.exec(page.url())![1]);

  await buildUnits(page, eventId);
  await buildScale(page, eventId);
  await buildForm(page, eventId);
  await buildPeriod(page, eventId);

  await page.goto(`/events/${eventId}`);
  const units = page.locator('.panel--units tbody th[scope="row"] .unit-short');
  await units.first().waitFor();
  assert.deepEqual(await units.allInnerTexts(), hospitalShortNames);
  await settle(page, 'Sjukhusgruppen, vårdplatser', 'event-setup-dashboard');

  await openAdmin(page, eventId, 'Uppsättning');
  await page.getByLabel('Namn på uppsättningen').fill('Sjukhusgrupp, vår dygnsrapport');
  await page.getByRole('button', { name: 'Spara i biblioteket' }).click();
  await page
    .getByText('Uppsättningen Sjukhusgrupp, vår dygnsrapport är sparad i biblioteket.')
    .waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ner som fil' }).click(),
  ]);
  const setup = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  assert.deepEqual(
    setup.units.units.map(
      (unit: { code: string; parentCode: string | null }) =>
        `${unit.parentCode ?? '-'}>${unit.code}`,
    ),
    ['->SG', 'SG>SG-NORR', 'SG>SG-SODER', 'SG>SG-CENTRAL', 'SG>SG-KUST', 'SG>SG-INLAND'],
  );
  assert.equal(setup.units.unitlessLabel, 'Hela gruppen');
  assert.deepEqual(
    setup.scales.status.map((level: { name: string }) => level.name),
    ['Grå', 'Grön', 'Gul', 'Orange', 'Röd', 'Svart'],
  );
  assert.deepEqual(
    setup.returnForm.fields
      .filter((field: { kind: string }) => field.kind === 'number')
      .map(
        (field: { figure: { name: string; unit: string } }) =>
          `${field.figure.name} (${field.figure.unit})`,
      ),
    [
      'Disponibla vårdplatser (platser)',
      'Belagda vårdplatser (platser)',
      'Överbeläggningar (patienter)',
    ],
  );
  assert.deepEqual(
    { granularity: setup.period.granularity, time: setup.period.deadline.time },
    { granularity: 'day', time: '08:00' },
  );

  await page.goto('/events/new');
  await page.getByLabel('Namn').first().fill('Sjukhusgruppen, nästa vinter');
  await page.getByLabel('En uppsättning i biblioteket').check();
  await page
    .getByLabel('Uppsättning', { exact: true })
    .selectOption({ label: 'Sjukhusgrupp, vår dygnsrapport' });
  await page.getByRole('button', { name: 'Skapa händelse' }).click();
  await page.getByRole('link', { name: 'Sjukhusgruppen, nästa vinter', exact: true }).click();
  await page.waitForURL(/\/events\/\d+$/);
  const units2 = page.locator('.panel--units tbody th[scope="row"] .unit-short');
  await units2.first().waitFor();
  assert.deepEqual(await units2.allInnerTexts(), hospitalShortNames);
  assert.deepEqual(problems, []);
  await context.close();
});
