// The staff's picture screens: log book, decisions, actions, risks, diversions, key figures and
// communication. axe-core on each (desktop and phone), and one written flow per area.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  phone,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

async function open(page: Page, path: string, heading: string | RegExp, name: string) {
  await page.goto(`/events/${e2e.server.eventId}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
  await page.locator('.loading').waitFor({ state: 'detached' });
  await screenshot(page, `${name}-desktop`);
  await assertAccessible(page, name);
}

test('staff keep the log book: add an entry, strike it with a reason', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);

  await open(page, '/log', 'Loggbok', 'picture-log');
  const nav = page.getByRole('navigation', { name: 'Händelsens delar' });
  assert.equal(
    await nav.getByRole('link', { name: 'Loggbok' }).getAttribute('aria-current'),
    'page',
  );

  // An empty entry: the summary at the top and the message beside the field.
  const form = page.locator('#log-form');
  await form.getByLabel('Anteckning').fill('');
  await form.getByRole('button', { name: 'Lägg till anteckningen' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Fyll i Anteckning.' }).waitFor();
  await screenshot(page, 'picture-log-error-desktop');

  const text = 'Ambulansdirigeringen meddelar kö till NÄL, provanteckning från e2e.';
  await form.getByLabel('Anteckning').fill(text);
  await form.getByLabel('Källa').fill('Telefon, SOS Alarm');
  await form.getByLabel('Viktig händelse').check();
  await form.getByRole('button', { name: 'Lägg till anteckningen' }).click();
  await page.getByText('Anteckningen är sparad.').waitFor();
  const row = page.locator('tbody tr', { hasText: text });
  await row.waitFor();
  assert.match(await row.innerText(), /Viktig/);

  // Striking needs a reason; the entry stays, marked "Struken" with the reason.
  await row.getByRole('button', { name: /^Stryk/ }).click();
  const strike = page.locator('#strike-form');
  await strike.getByRole('button', { name: 'Stryk' }).click();
  await page.getByRole('alert').getByText('Fyll i Varför stryks anteckningen?.').waitFor();
  await strike.getByLabel('Varför stryks anteckningen?').fill('Fel mottagning, gällde SkaS.');
  await strike.getByRole('button', { name: 'Stryk' }).click();
  await page.getByText('Anteckningen är struken.').waitFor();
  const struck = page.locator('tbody tr', { hasText: text });
  await struck.getByText('Struken', { exact: true }).waitFor();
  await struck.getByText(/Struken .*: Fel mottagning, gällde SkaS\./).waitFor();
  assert.equal(await struck.locator('s').count(), 1);
  assert.equal(await struck.getByRole('button', { name: /^Stryk/ }).count(), 0);
  await screenshot(page, 'picture-log-struck-desktop');
  await assertAccessible(page, 'log book with a struck entry');

  // The list downloads as CSV with its filter, from the keyboard.
  await page.getByLabel('Bara viktiga händelser').check();
  const csv = page.getByRole('link', { name: 'Ladda ner CSV' });
  assert.match((await csv.getAttribute('href')) ?? '', /\/log\.csv\?significant=true$/);
  await csv.focus();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  assert.match(download.suggestedFilename(), /^loggbok-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = await fs.readFile((await download.path())!, 'utf8');
  assert.match(file, /^\uFEFFNr;Tidpunkt;Anteckning;/);
  assert.ok(file.includes(text));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a stale edit shows the other version and keeps what the user typed', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  const eventId = e2e.server.eventId;
  await page.goto(`/events/${eventId}/log`);
  const first = page
    .locator('section[aria-labelledby="log-list-title"] tbody tr:not(.is-struck)')
    .first();
  const original = (await first.locator('.log-text').innerText()).trim();
  await first.getByRole('button', { name: /^Ändra/ }).click();
  const form = page.locator('#log-form');
  await form.getByLabel('Anteckning').fill('Min rättade text som inte får försvinna.');

  // Someone else corrects the same entry meanwhile.
  const log = (await (await page.request.get(`/api/events/${eventId}/log?limit=10`)).json()) as {
    items: { id: number; version: number; struck: unknown }[];
  };
  const entry = log.items.find((item) => item.struck === null)!;
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const other = await page.request.patch(`/api/events/${eventId}/log/${entry.id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version: entry.version, text: `${original} (rättad av en kollega)` },
  });
  assert.equal(other.status(), 200);

  await form.getByRole('button', { name: 'Spara ändringarna' }).click();
  const conflict = page.locator('.conflict');
  await conflict.getByText('Någon annan har ändrat samma post').waitFor();
  await conflict.getByText('(rättad av en kollega)').waitFor();
  assert.equal(
    await form.getByLabel('Anteckning').inputValue(),
    'Min rättade text som inte får försvinna.',
  );
  await screenshot(page, 'picture-log-conflict-desktop');
  await assertAccessible(page, 'log book with a conflict');
  await conflict.getByRole('button', { name: 'Behåll min version och spara igen' }).click();
  await page.getByText('Anteckningen är sparad.').waitFor();
  await page.getByText('Min rättade text som inte får försvinna.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('staff record a decision and an action that follows from it', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);

  await open(page, '/decisions', 'Beslut', 'picture-decisions');
  const form = page.locator('#decision-form');
  await form.getByLabel('Forum').fill('Produktionsledarmötet');
  await form.getByLabel('Mandat').fill('Delegation från regiondirektören');
  await form
    .getByLabel('Beslut', { exact: true })
    .fill('Planerade operationer på SÄS skjuts upp en vecka.');
  await form.getByRole('button', { name: 'Spara beslutet' }).click();
  await page.getByText('Beslutet är sparat.').waitFor();
  const row = page.locator('tbody tr', { hasText: 'Planerade operationer på SÄS skjuts upp' });
  await row.getByRole('link', { name: 'Ny åtgärd för beslutet' }).click();

  await page.getByRole('heading', { level: 1, name: 'Åtgärder' }).waitFor();
  const actionForm = page.locator('#action-form');
  await actionForm
    .getByLabel('Åtgärd', { exact: true })
    .fill('Informera patienterna om nya tider.');
  await actionForm.getByLabel('Ansvarig person eller funktion').fill('Kommunikationschefen');
  await actionForm.getByLabel('Klar senast').fill('2020-01-10T12:00');
  await actionForm.getByRole('button', { name: 'Spara åtgärden' }).click();
  await page.getByText('Åtgärden är sparad.').waitFor();
  const action = page.locator('tbody tr', { hasText: 'Informera patienterna om nya tider.' });
  await action.getByText('Försenad').waitFor();

  await page.getByLabel('Bara försenade').check();
  await page.locator('tbody tr', { hasText: 'Informera patienterna' }).waitFor();
  for (const item of await page.locator('tbody tr').all()) {
    assert.match(await item.innerText(), /Försenad/);
  }
  await screenshot(page, 'picture-actions-desktop');
  await assertAccessible(page, 'actions');

  await page.goto(`/events/${e2e.server.eventId}/decisions`);
  await page
    .locator('tbody tr', { hasText: 'Planerade operationer på SÄS skjuts upp' })
    .getByText('Informera patienterna om nya tider.')
    .waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('risks: the matrix is a table, and a reassessment changes the trend', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await open(page, '/risks', 'Risker', 'picture-risks');

  const matrix = page.locator('table.matrix');
  assert.equal(await matrix.locator('thead th[scope="col"]').count(), 5);
  assert.equal(await matrix.locator('tbody th[scope="row"]').count(), 4);
  assert.match(await matrix.innerText(), /Mycket hög/);

  const form = page.locator('#risk-form');
  await form.getByLabel('Risk', { exact: true }).fill('Brist på sjuksköterskor under julen');
  await form.getByLabel('Sannolikhet').selectOption('2');
  await form.getByLabel('Konsekvens').selectOption('2');
  await form.getByRole('button', { name: 'Spara risken' }).click();
  await page.getByText('Risken är sparad.').waitFor();
  const row = page.locator('tbody tr', { hasText: 'Brist på sjuksköterskor under julen' });
  await row.getByText('En bedömning').waitFor();

  await row.getByRole('button', { name: /^Bedöm på nytt/ }).click();
  const assess = page.locator('#assess-form');
  await assess.getByLabel('Sannolikhet').selectOption('4');
  await assess.getByLabel('Konsekvens').selectOption('3');
  await assess.getByLabel('Kommentar till bedömningen').fill('Fler sjukskrivningar än väntat.');
  await assess.getByRole('button', { name: 'Bedöm på nytt' }).click();
  await page.getByText('Den nya bedömningen är sparad.').waitFor();
  const after = page.locator('tbody tr', { hasText: 'Brist på sjuksköterskor under julen' });
  await after.getByText(/Ökar \(från 4\)/).waitFor();
  assert.equal(await after.locator('svg.sparkline').count(), 1);
  await screenshot(page, 'picture-risks-assessed-desktop', true);
  await assertAccessible(page, 'risks after a reassessment');
  assert.deepEqual(problems, []);
  await context.close();
});

test('diversions: start and end one; the board shows it', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await open(page, '/diversions', 'Omstyrning', 'picture-diversions');
  const have = page.getByRole('link', { name: 'EDXL-HAVE (XML)' });
  const haveXml = await page.request.get((await have.getAttribute('href'))!);
  assert.match(await haveXml.text(), /<have:HospitalStatus /);
  await page.getByRole('link', { name: 'FHIR MeasureReport (JSON)' }).waitFor();

  const form = page.locator('#diversion-form');
  const facility = form.getByLabel('Akutmottagning');
  const options = await facility.locator('option').allInnerTexts();
  const target = options.find((text) => text !== 'Välj akutmottagning')!;
  await facility.selectOption({ label: target });
  await form.getByRole('button', { name: 'Starta omstyrningen' }).click();
  await page.getByRole('alert').getByText('Fyll i Flöden som styrs om.').waitFor();
  await form.getByLabel('Ambulans').check();
  await form.getByLabel('Hänvisas till').fill('Sjukhuset i Lidköping');
  // An hour ago in Stockholm, so that ending it now comes after its start.
  const hourAgo = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(Date.now() - 3_600_000))
    .replace(' ', 'T');
  await form.getByLabel('Från').fill(hourAgo);
  await form.getByRole('button', { name: 'Starta omstyrningen' }).click();
  await page.getByText('Omstyrningen är sparad.').waitFor();
  const row = page.locator('section[aria-labelledby="diversions-list-title"] tbody tr', {
    hasText: 'Sjukhuset i Lidköping',
  });
  await row.waitFor();
  await row.getByRole('button', { name: /^Avsluta/ }).click();
  await page.locator('#end-form').getByRole('button', { name: 'Avsluta' }).click();
  await page.getByText('Omstyrningen är avslutad.').waitFor();
  await screenshot(page, 'picture-diversions-ended-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});

test('key figures: a CSV file with a bad row is refused whole; a good file imports', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await open(page, '/figures', 'Nyckeltal', 'picture-figures');
  await page.locator('.chart svg').first().waitFor();

  const eventId = e2e.server.eventId;
  const figures = (await (await page.request.get(`/api/events/${eventId}/figures`)).json()) as {
    items: { id: number; key: string }[];
  };
  const occupancy = figures.items.find((figure) => figure.key === 'beläggningsgrad')!;
  const count = async () =>
    (
      (await (
        await page.request.get(
          `/api/events/${eventId}/figures/${occupancy.id}/observations?limit=1`,
        )
      ).json()) as { total: number }
    ).total;
  const before = await count();

  const bad = [
    'nyckeltal;värde;tidpunkt;enhet',
    'beläggningsgrad;97,5;2024-11-19 08:00;SÄS',
    'beläggningsgrad;mycket;2024-11-19 08:00;SÄS',
  ].join('\n');
  await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({
    name: 'fel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad, 'utf8'),
  });
  await page.getByRole('button', { name: 'Granska filen' }).click();
  const problemTable = page.locator('#import-problems table');
  await problemTable.waitFor();
  const problemRow = problemTable.locator('tbody tr').first();
  assert.deepEqual(
    (await problemRow.locator('td').allInnerTexts()).map((cell) => cell.trim()),
    ['3', 'Värde', '"mycket" är inte ett tal.'],
  );
  await page.getByText('Ingenting har importerats.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Importera/ }).count(), 0);
  assert.equal(await count(), before);
  await screenshot(page, 'picture-figures-import-error-desktop', true);
  await assertAccessible(page, 'key figures with import errors');

  const good = [
    'nyckeltal;värde;tidpunkt;enhet',
    'beläggningsgrad;97,5;2024-11-19 08:00;SÄS',
    'beläggningsgrad;95;2024-11-19 08:00;SÄS-AKM-BORÅS',
  ].join('\n');
  await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({
    name: 'rätt.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(good, 'utf8'),
  });
  await page.getByRole('button', { name: 'Granska filen' }).click();
  await page.getByText('2 rader är rätt och kan importeras.').waitFor();
  await page.getByRole('button', { name: 'Importera 2 värden' }).click();
  await page.getByText('2 värden importerades från rätt.csv.').waitFor();
  assert.equal(await count(), before + 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('communication: a communicator adds an activity', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.communicator, demoPassword);
  await open(page, '/communication', 'Kommunikation', 'picture-communication');
  const form = page.locator('#activity-form');
  await form.getByLabel('Rubrik').fill('Pressträff om läget på akuten');
  await form.getByLabel('Presskonferens').check();
  await form.getByRole('button', { name: 'Spara aktiviteten' }).click();
  await page.getByText('Sparat.').first().waitFor();
  await page.locator('tbody tr', { hasText: 'Pressträff om läget på akuten' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reader sees the lists without write forms', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await signIn(page, demoPeople.reader, demoPassword);
  await open(page, '/log', 'Loggbok', 'picture-log-reader');
  await page.locator('table').first().waitFor();
  assert.equal(await page.locator('#log-form').count(), 0);
  await context.close();
});

test('the picture screens are accessible on a phone', async () => {
  const context = await e2e.newContext(phone);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await signIn(page, demoPeople.staff, demoPassword);
  for (const [path, heading, name] of [
    ['/log', 'Loggbok', 'log'],
    ['/decisions', 'Beslut', 'decisions'],
    ['/actions', 'Åtgärder', 'actions'],
    ['/risks', 'Risker', 'risks'],
    ['/diversions', 'Omstyrning', 'diversions'],
    ['/figures', 'Nyckeltal', 'figures'],
    ['/communication', 'Kommunikation', 'communication'],
  ] as const) {
    await page.goto(`/events/${e2e.server.eventId}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').waitFor({ state: 'detached' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(
      overflow <= 1,
      `${name}: the page does not scroll sideways on a phone (${overflow}px)`,
    );
    await screenshot(page, `picture-${name}-phone`);
    await assertAccessible(page, `${name} (phone)`);
  }
  await context.close();
});
