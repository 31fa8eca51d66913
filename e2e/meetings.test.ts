// Forums, meetings and the event calendar: axe-core on each screen, a meeting written through the
// form, the calendar's week navigation by keyboard and the personal iCalendar address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
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

async function open(page: Page, path: string, heading: string | RegExp, name: string) {
  await page.goto(`/events/${e2e.server.eventId}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' });
  assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
  await screenshot(page, `${name}-desktop`);
  await assertAccessible(page, name);
}

test('staff record a meeting and see the decisions made in the steering group', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);

  await open(page, '/forums', 'Forum', 'meetings-forums');
  await page.getByText('Vardagar kl. 08:30 (30 min)').waitFor();

  await open(page, '/meetings', 'Möten', 'meetings-list');
  const form = page.locator('#meeting-form');
  await form.getByLabel('Rubrik').fill('Avstämning om helgbemanningen');
  await form.getByLabel('Forum').selectOption({ label: 'Operativ samordning produktionschefer' });
  await form.getByLabel('Börjar').fill('2024-11-15T14:00');
  await form.getByLabel('Slutar').fill('2024-11-15T13:00');
  await form.getByRole('button', { name: 'Lägg till mötet' }).click();
  await page.getByRole('alert').getByText('Mötet måste sluta efter att det har börjat.').waitFor();
  await form.getByLabel('Slutar').fill('2024-11-15T14:30');
  await form.getByLabel(/Deltagare/).fill('Stabschef RSO\nProduktionschef SÄS');
  await form.getByRole('button', { name: 'Lägg till mötet' }).click();
  await page.getByText('Mötet är sparat.').waitFor();
  await page.getByRole('link', { name: 'Avstämning om helgbemanningen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Avstämning om helgbemanningen' }).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'Produktionschef SÄS' }).waitFor();

  await open(page, '/meetings', 'Möten', 'meetings-list');
  await page.getByRole('link', { name: 'Programstyrgrupp Millennium, 1 november' }).click();
  await page.getByRole('heading', { level: 2, name: 'Beslut i mötet' }).waitFor();
  await page
    .getByText(/18 februari 2025/)
    .first()
    .waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  await screenshot(page, 'meetings-meeting-desktop');
  await assertAccessible(page, 'meetings-meeting');

  await open(page, '/decisions', 'Beslut', 'meetings-decision-form');
  const meetingSelect = page.locator('#decision-form').getByLabel(/^Möte/);
  assert.ok((await meetingSelect.locator('option').count()) > 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the calendar lists a week by day, moves by keyboard and gives a feed address', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);

  await open(page, '/calendar?week=2024-11-04', 'Kalender', 'meetings-calendar');
  await page.getByRole('heading', { level: 2, name: 'Vecka 45 2024' }).waitFor();
  const friday = page.getByRole('region', { name: /^fredag/ });
  await friday.getByRole('link', { name: 'Programstyrgrupp Millennium' }).waitFor();
  const thursday = page.getByRole('region', { name: /^torsdag/ });
  await thursday.getByText(/Sista tid för enheternas lägesbilder/).waitFor();
  assert.equal(await page.getByText('Stabsmöte RSO om behörigheter').count(), 0);

  const next = page.getByRole('link', { name: 'Nästa vecka' });
  await next.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Vecka 46 2024' }).waitFor();
  await page.getByText('Presskonferens om driftstarten av Millennium').waitFor();

  await page.getByRole('button', { name: 'Skapa kalenderadress' }).click();
  const address = page.getByLabel('Din kalenderadress');
  await address.waitFor();
  const url = new URL(await address.inputValue());
  assert.match(url.pathname, /^\/cal\/[A-Za-z0-9_-]+\.ics$/);
  const feed = await page.request.get(url.pathname);
  assert.equal(feed.status(), 200);
  assert.match(feed.headers()['content-type'] ?? '', /^text\/calendar/);
  assert.match(await feed.text(), /BEGIN:VCALENDAR/);
  await screenshot(page, 'meetings-calendar-subscribed-desktop');
  await assertAccessible(page, 'meetings-calendar-subscribed');

  await page.getByRole('button', { name: 'Sluta prenumerera' }).click();
  await page.getByText('Kalenderadressen fungerar inte längre.').waitFor();
  assert.equal((await page.request.get(url.pathname)).status(), 404);
  assert.deepEqual(problems, []);
  await context.close();
});
