// Issue 20 "Show it": a short daily report designed in the template editor of the live demo
// event, started from the reports page, written, approved and published; the published page
// shows the matrix of key figures and its PDF and Word answer. The screenshots go to the docs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { formatLongDate } from '../src/core/time.ts';
import {
  approveAndPublish,
  createTemplateWithLead,
  liveEventId,
  signedIn,
  startReport,
  writeLeadAndSubmit,
} from './report-flow.ts';
import { demoPeople, useE2E, watchErrors } from './support.ts';

const e2e = useE2E();
const imagesDir = path.resolve(import.meta.dirname, '../docs/images/templates');

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
  await createTemplateWithLead(page, eventId, {
    name: 'Dagsrapport',
    titlePattern: 'Dagsrapport {date}',
    series: 'dag',
  });
  const settings = page.locator('.template-section-form');

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
  const admin = await signedIn(e2e, { firstAdminPassword: 'Dagsrapportens-ritbord-2026' });
  const problems = [watchErrors(admin.page)];
  const eventId = await liveEventId(admin.page, e2e);
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
  const staff = await signedIn(e2e, { email: demoPeople.staff });
  problems.push(watchErrors(staff.page));
  const { page } = staff;
  await startReport(page, eventId, 'Dagsrapport');
  const title = `Dagsrapport ${formatLongDate(new Date(), 'sv')}`;
  await page.getByText(title, { exact: true }).waitFor();
  const reportUrl = await writeLeadAndSubmit(
    page,
    'Lugnt dygn på sjukhusen; akutmottagningarna har normalt flöde.',
  );

  const approver = await signedIn(e2e, { email: demoPeople.approver });
  problems.push(watchErrors(approver.page));
  await approveAndPublish(approver.page, reportUrl);
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
