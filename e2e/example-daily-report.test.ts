// Issue 20 "Show it": a short daily report designed in the template editor of the live demo
// event, started from the reports page, written, approved and published; the published page
// shows the matrix of key figures and its PDF and Word answer. The screenshots go to the docs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { formatLongDate } from '../src/core/time.ts';
import {
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

async function signedIn(email?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  if (email) await signIn(page, email, demoPassword);
  else await signInFirstAdmin(page, e2e, 'Dagsrapportens-ritbord-2026');
  return { context, page };
}

async function liveEventId(page: Page): Promise<number> {
  const events = (await (await page.request.get('/api/events')).json()) as {
    items: { id: number }[];
  };
  return events.items.find((event) => event.id !== e2e.server.eventId)!.id;
}

/**
 * A second figure with no values yet, so that the matrix shows the missing mark. The demo's
 * "beläggningsgrad" cannot be chosen: a key-figure block takes only a–z, 0–9, - and _ in a
 * figure's key, while a figure's own key may hold å, ä and ö.
 */
async function addIntensiveCareFigure(page: Page, eventId: number): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
  };
  const created = await page.request.post(`/api/events/${eventId}/figures`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { key: 'lediga-iva-platser', name: 'Lediga IVA-platser', unitOfMeasure: 'st' },
  });
  assert.equal(created.status(), 201, await created.text());
}

async function designDailyReport(page: Page, eventId: number): Promise<void> {
  await page.goto(`/events/${eventId}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByLabel('Mallens namn').fill('Dagsrapport');
  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await page.getByRole('heading', { name: 'Mallen Dagsrapport' }).waitFor();
  await page.getByLabel('Mönster för rubriken').fill('Dagsrapport {date}');
  await page.getByLabel('Serie', { exact: true }).fill('dag');

  const settings = page.locator('.template-section-form');
  await page.getByRole('button', { name: /^Inställningar\W+Läget$/ }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Sammanfattning');
  await settings.getByLabel('Sammanfattning: visas först och märks som sammanfattning').check();

  await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await settings.getByLabel('Rubrik', { exact: true }).fill('Sjukhusen i dag');
  await settings.getByLabel('Innehåll').selectOption({ label: 'Nyckeltal' });
  await settings.getByLabel('Lediga IVA-platser (st)').check();
  await settings.getByLabel('Väntande patienter på akutmottagningen (st)').check();
  await settings.getByLabel('Uppställning').selectOption({ label: 'Tabell: enheter × nyckeltal' });
  await settings.getByLabel('Jämför med').selectOption({ label: 'Föregående rapport' });
  await settings.getByLabel('Visas när ett värde saknas').fill('u/a');
  await settings.getByLabel('Visa hur många enheter som har rapporterat').check();
  await page.getByRole('button', { name: 'Spara mallen' }).click();
  await page.getByText('Mallen är sparad (version 2).').waitFor();
  await page.screenshot({ path: path.join(imagesDir, 'daily-report-editor.png'), fullPage: true });
}

test('a daily report designed in the browser is started, written, approved and published', async () => {
  fs.mkdirSync(imagesDir, { recursive: true });
  // The installation's admin designs the template; the staff write the report.
  const admin = await signedIn();
  const problems = [watchErrors(admin.page)];
  const eventId = await liveEventId(admin.page);
  await addIntensiveCareFigure(admin.page, eventId);
  await designDailyReport(admin.page, eventId);

  const templates = (await (
    await admin.page.request.get(`/api/events/${eventId}/templates`)
  ).json()) as {
    items: {
      name: string;
      identity: { titlePattern: string; series: string };
      sections: {
        key: string;
        kind: string;
        lead?: boolean;
        figures?: { layout: string; comparison: string; missingMark: string };
      }[];
    }[];
  };
  const daily = templates.items.find((item) => item.name === 'Dagsrapport')!;
  assert.deepEqual(
    [daily.identity.titlePattern, daily.identity.series],
    ['Dagsrapport {date}', 'dag'],
  );
  assert.deepEqual(
    daily.sections.map((section) => [section.kind, section.lead ?? false]),
    [
      ['text', true],
      ['key_figures', false],
    ],
  );
  const figures = daily.sections[1]!.figures!;
  assert.deepEqual(
    [figures.layout, figures.comparison, figures.missingMark],
    ['matrix', 'previous_report', 'u/a'],
  );

  await admin.context.close();
  const staff = await signedIn(demoPeople.staff);
  problems.push(watchErrors(staff.page));
  const { page } = staff;
  await page.goto(`/events/${eventId}/reports`);
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByLabel('Mall', { exact: true }).selectOption({ label: 'Dagsrapport' });
  await page.getByLabel('Ordinarie rapport').check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: /^Rapport nr \d+/ }).waitFor();
  const title = `Dagsrapport ${formatLongDate(new Date(), 'sv')}`;
  await page.getByText(title, { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Sammanfattning', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sammanfattning' }).waitFor();
  const editor = page.getByRole('textbox', { name: 'Text' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Lugnt dygn på sjukhusen; akutmottagningarna har normalt flöde.');
  await page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await page.getByText(/Avsnittet är sparat/).waitFor();
  await page.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  await page.getByRole('button', { name: /^Skicka för granskning/ }).click();
  await page.getByText('Rapporten är skickad för granskning.').waitFor();
  const reportUrl = page.url();

  const approver = await signedIn(demoPeople.approver);
  problems.push(watchErrors(approver.page));
  await approver.page.goto(reportUrl);
  await approver.page.getByRole('button', { name: /^Godkänn rapporten/ }).click();
  await approver.page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();
  await approver.page.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await approver.page
    .getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' })
    .waitFor();
  await approver.page.getByRole('button', { name: /^Publicera/ }).click();
  await approver.page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  const publicHref = await approver.page
    .getByRole('link', { name: 'Öppna den offentliga versionen' })
    .getAttribute('href');

  await approver.page.goto(publicHref!);
  await approver.page.getByRole('heading', { level: 1, name: title }).waitFor();
  const matrix = approver.page.locator('table').first();
  assert.deepEqual(await matrix.locator('thead tr').first().locator('th').allInnerTexts(), [
    'Enhet',
    'Lediga IVA-platser',
    'Väntande patienter på akutmottagningen',
  ]);
  // The new figure has no values at all: every unit's cell shows the missing mark.
  assert.deepEqual(
    await matrix
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[0]?.textContent)),
    ['u/a', 'u/a', 'u/a', 'u/a', 'u/a'],
  );
  await approver.page.getByText(/^\d av 5 enheter har rapporterat$/).waitFor();
  await approver.page.screenshot({
    path: path.join(imagesDir, 'daily-report-published.png'),
    fullPage: true,
  });
  for (const file of ['rapport.pdf', 'rapport.docx']) {
    const href = await approver.page.locator(`a[href*="/${file}"]`).first().getAttribute('href');
    const answer = await approver.page.request.get(href!);
    assert.equal(answer.status(), 200, file);
  }
  assert.deepEqual(problems.flat(), []);
  await staff.context.close();
  await approver.context.close();
});
