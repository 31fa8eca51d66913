// Searching the whole event from the field in its header: a staff member types words, sees hits
// from several kinds of records, follows one to its place, and is told plainly when nothing matches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

test('a staff member searches the event by keyboard and follows a hit', async () => {
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext();
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}`);

  const field = page.getByRole('searchbox', { name: 'Sök i händelsen' });
  await field.fill('Millennium');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Träffar för ”Millennium”' }).waitFor();
  const hits = page.locator('.search-hit');
  await hits.first().waitFor();
  const kinds = await page.locator('.search-hit__kind').allInnerTexts();
  assert.ok(
    kinds.some((kind) => kind.startsWith('Rapport')),
    'a published report is found',
  );
  assert.ok(
    kinds.some((kind) => kind.startsWith('Lärdom')),
    'a lesson is found',
  );
  await assertAccessible(page, 'search results');
  await screenshot(page, 'event-search-results', true);

  const lesson = hits.filter({ hasText: 'Lärdom' }).first().getByRole('link');
  await lesson.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/events/${eventId}/review`);
  // The review page renders its frame again once its data arrives; typing before that is lost.
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');

  await field.fill('xyzzyqq');
  assert.equal(await field.inputValue(), 'xyzzyqq');
  await field.press('Enter');
  await page.getByText('Inga träffar för ”xyzzyqq”.').waitFor();
  await assertAccessible(page, 'search without hits');
  await screenshot(page, 'event-search-none');

  assert.deepEqual(problems, []);
  await context.close();
});

test("a reader's report hit leads to the published report, not to its workflow", async () => {
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext();
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);
  await page.goto(`/events/${eventId}/search?q=Millennium`);
  const report = page
    .locator('.search-hit')
    .filter({ has: page.locator('.search-hit__kind', { hasText: /^Rapport/ }) })
    .first()
    .getByRole('link');
  await report.waitFor();
  assert.match((await report.getAttribute('href')) ?? '', new RegExp(`^/r/${eventId}/\\d+$`));
  await report.click();
  await page.waitForURL(new RegExp(`/r/${eventId}/\\d+$`));
  assert.deepEqual(problems, []);
  await context.close();
});
