// Efterhandsanalys: the event's timeline with its filters, the lessons learned and the downloads.
// axe-core on the screen (desktop, with a filter error, and phone), one written flow per role.
import assert from 'node:assert/strict';
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

async function openReview(page: Page, name: string) {
  await page.goto(`/events/${e2e.server.eventId}/review`);
  await page.getByRole('heading', { level: 1, name: 'Efterhandsanalys' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
  await screenshot(page, `${name}-desktop`);
  await assertAccessible(page, name);
}

test('staff filter the timeline, download the review and record a lesson', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await openReview(page, 'review');

  const timeline = page.locator('.review-timeline');
  await timeline.getByRole('link', { name: 'Rapport 1 publicerad' }).waitFor();
  assert.ok((await timeline.getByText('Intern').count()) > 0, 'staff see internal items');

  // Only decisions: every other kind unticked.
  const filters = page.getByRole('search', { name: 'Filtrera tidslinjen' });
  for (const kind of [
    'Loggbok',
    'Omstyrning',
    'Beredskap',
    'Rapport',
    'Risk',
    'Milstolpe',
    'Möte',
  ]) {
    await filters.getByLabel(kind, { exact: true }).uncheck();
  }
  // Each untick reloads the list; wait until the last answer has left only decisions.
  await timeline
    .locator('li:not(.review-timeline__item--decision)')
    .first()
    .waitFor({ state: 'detached' });
  const items = timeline.locator('li');
  assert.ok((await items.count()) >= 4);
  assert.equal(
    await items.count(),
    await timeline.locator('.review-timeline__item--decision').count(),
  );

  // A range that ends before it starts: the message sits beside the "to" field.
  await filters.getByLabel('Från och med datum').fill('2024-11-22');
  await filters.getByLabel('Till och med datum').fill('2024-11-01');
  await filters.getByText('Till-datumet kan inte vara före från-datumet.').waitFor();
  await assertAccessible(page, 'review-filter-error');
  await filters.getByLabel('Till och med datum').fill('2024-11-22');
  await timeline.getByRole('link', { name: /^Beslut: Operativ samordning/ }).waitFor();
  assert.equal(await items.count(), 1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word (.docx)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^Efterhandsanalys.Millennium.2024\.docx$/);
  // The first PDF loads pdfmake and its fonts, which takes a while on a busy machine.
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('link', { name: 'PDF' }).click(),
  ]);
  assert.match(pdf.suggestedFilename(), /\.pdf$/);

  // An empty lesson: the summary at the top and the message beside the field.
  const form = page.locator('#lesson-form');
  await form.getByRole('button', { name: 'Lägg till lärdom' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'Fyll i Iakttagelse.' }).waitFor();
  await screenshot(page, 'review-lesson-error-desktop');
  await assertAccessible(page, 'review-lesson-error');

  const observation = 'Kontaktlistan till akutmottagningarna var inaktuell, provlärdom från e2e.';
  await form.getByLabel('Iakttagelse').fill(observation);
  await form.getByLabel('Rekommendation').fill('Gå igenom listan varje måndag.');
  await form.getByLabel(/^Ansvarig/).fill('Stabschefen');
  await form.getByLabel('Kategori').fill('Samverkan');
  await form.getByRole('button', { name: 'Lägg till lärdom' }).click();
  await page.getByText('Lärdomen är sparad.').waitFor();
  const card = page.locator('.review-lesson', { hasText: observation });
  await card.getByText('Öppen').waitFor();

  await card.getByRole('button', { name: /^Ändra/ }).click();
  await page.locator('#lesson-form').getByLabel('Status').selectOption('done');
  await page.locator('#lesson-form').getByRole('button', { name: 'Spara' }).click();
  await page.getByText('Lärdomen är sparad.').waitFor();
  await page.locator('.review-lesson', { hasText: observation }).getByText('Klar').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reader sees the timeline without internal items and no lesson form', async () => {
  const context = await e2e.newContext(phone);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/review`);
  await page.getByRole('heading', { level: 1, name: 'Efterhandsanalys' }).waitFor();
  await page.locator('.review-timeline li').first().waitFor();
  await page.locator('.review-lesson').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'review-reader-phone');
  await assertAccessible(page, 'review-reader-phone');
  assert.equal(await page.locator('.review-timeline').getByText('Intern').count(), 0);
  assert.equal(await page.locator('#lesson-form').count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Ta bort/ }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
