// Starting a report in a real browser (issue 20, item 2): the staff choose the template and the
// kind; a regular report after the series' final one is refused with the server's message beside
// a checkbox that reopens the series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

interface TemplateItem {
  id: number;
  name: string;
  kind: string;
}

test('staff start a report choosing its template and kind, reopening a closed series', async () => {
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext(desktop);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);

  const templates = (await (
    await context.request.get(`/api/events/${eventId}/templates`)
  ).json()) as { items: TemplateItem[] };
  const weekly = templates.items.find((template) => template.kind === 'weekly')!;

  await page.goto(`/events/${eventId}/reports`);
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  const template = page.getByLabel('Mall', { exact: true });
  assert.deepEqual(await template.locator('option').allTextContents(), [
    'Mallen för sorten (veckomall eller slutrapport)',
    ...templates.items.map((item) => item.name),
  ]);
  await template.selectOption({ label: weekly.name });
  await page.getByLabel('Ordinarie rapport').check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();

  const refusal =
    'Serien är avslutad med slutrapporten ”Regional rapport Millennium 2024” (nr 2). Kryssa i ”Öppna serien igen” om en ny ordinarie rapport ändå ska skrivas.';
  await page.locator('#start-reopen-error').getByText(refusal).waitFor();
  const reopen = page.getByLabel('Öppna serien igen');
  assert.equal(await reopen.isChecked(), false);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'start-report-series-closed');
  await assertAccessible(page, 'start-report-series-closed');

  await reopen.check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: /Rapport nr 3/ }).waitFor();
  const started = (await (await context.request.get(`/api/events/${eventId}/reports`)).json()) as {
    items: { number: number; templateId: number; kind: string; series: string }[];
  };
  const report = started.items.find((item) => item.number === 3)!;
  assert.deepEqual([report.templateId, report.kind, report.series], [weekly.id, 'regular', 'main']);
  assert.deepEqual(problems, []);
  await context.close();
});
