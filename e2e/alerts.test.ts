// Alerts that reach people: a staff member turns on diversion alerts; when a diversion starts
// (entered by someone else in another browser), the alert shows on the page they have open, in
// words, and is listed among their recent alerts. A reader turns on key-figure alerts and sees
// one when a unit's value passes the figure's yellow line; without a mail server the page says
// that no e-mail is sent. axe-core on the alerts page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { raiseAlerts } from '../src/server/alerts/service.ts';
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

test('a staff member turns on diversion alerts and sees one when a diversion starts', async () => {
  const db = e2e.server.database.db;
  await raiseAlerts(db, new Date(), 0);

  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.getByRole('link', { name: 'Larm', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Larm' }).waitFor();
  await page.getByLabel('Larma mig: En omstyrning börjar eller upphör').check();
  await page.getByRole('button', { name: 'Spara valen' }).click();
  await page.getByRole('status').getByText('Dina val är sparade.').waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'alerts-choices');
  await assertAccessible(page, 'alerts page');

  const other = await e2e.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, demoPeople.staff, demoPassword);
  const events = await (await otherPage.request.get('/api/events')).json();
  const live = events.items.find((event: { state: string }) => event.state === 'active');
  const facilities = await (await otherPage.request.get('/api/facilities')).json();
  const skene = facilities.items.find((place: { code: string }) => place.code === 'SÄS-AKM-SKENE');
  const csrf = await otherPage.evaluate(async () => {
    const me = await fetch('/api/auth/me');
    return ((await me.json()) as { csrfToken: string }).csrfToken;
  });
  const created = await otherPage.request.post(`/api/events/${live.id}/diversions`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      facilityId: skene.id,
      categories: ['ambulance'],
      redirectedTo: 'Akutmottagningen Borås',
      startsAt: new Date().toISOString(),
    },
  });
  assert.equal(created.status(), 201, await created.text());
  await raiseAlerts(db, new Date(), 0);

  const text = `Larm: Omstyrning börjar: ${skene.name}`;
  await page.locator('.alert-banner').getByText(text).waitFor();
  await screenshot(page, 'alerts-banner');
  await page.reload();
  await page
    .getByRole('region', { name: 'Dina senaste larm' })
    .or(page.locator('section[aria-labelledby="recent-alerts"]'))
    .getByRole('link', { name: `Omstyrning börjar: ${skene.name}` })
    .waitFor();
  assert.deepEqual(problems, []);
  await other.close();
  await context.close();
});

/** Signs in a second staff member in their own browser, for writes someone else makes. */
async function otherStaff() {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await signIn(page, demoPeople.staff, demoPassword);
  const csrf = await page.evaluate(async () => {
    const me = await fetch('/api/auth/me');
    return ((await me.json()) as { csrfToken: string }).csrfToken;
  });
  const post = async (url: string, data: object) => {
    const response = await page.request.post(url, { headers: { 'x-csrf-token': csrf }, data });
    assert.equal(response.status(), 201, await response.text());
    return response.json();
  };
  const get = async (url: string) => (await page.request.get(url)).json();
  return { context, post, get };
}

async function chooseAlert(page: Page, kind: string) {
  await page.getByRole('link', { name: 'Larm', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Larm' }).waitFor();
  await page.getByLabel(`Larma mig: ${kind}`).check();
  await page.getByRole('button', { name: 'Spara valen' }).click();
  await page.getByRole('status').getByText('Dina val är sparade.').waitFor();
}

test("a reader turns on key-figure alerts and sees one when a unit's value passes a line", async () => {
  const db = e2e.server.database.db;
  await raiseAlerts(db, new Date(), 0);
  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.reader, demoPassword);
  await chooseAlert(
    page,
    'Ett nyckeltal passerar sin gräns för Påverkat eller Allvarligt, uppåt eller nedåt, jämfört med platsens förra värde',
  );

  await page
    .getByText('Ingen e-postserver är inställd, så larm skickas inte med e-post nu.')
    .waitFor();

  const other = await otherStaff();
  const events = await other.get('/api/events');
  const live = events.items.find((event: { state: string }) => event.state === 'active');
  const units = await other.get('/api/units');
  const sas = units.items.find((unit: { code: string }) => unit.code === 'SÄS');
  const figure = await other.post(`/api/events/${live.id}/figures`, {
    key: 'ambulansvantan',
    name: 'Väntande ambulansuppdrag',
    unitOfMeasure: 'st',
    yellowThreshold: 10,
    redThreshold: 20,
  });
  const hour = 60 * 60 * 1000;
  for (const [value, hoursAgo] of [
    [6, 2],
    [14, 1],
  ] as const) {
    await other.post(`/api/events/${live.id}/figures/${figure.id}/observations`, {
      value,
      observedAt: new Date(Date.now() - hoursAgo * hour).toISOString(),
      unitId: sas.id,
    });
  }
  await raiseAlerts(db, new Date(), 0);

  const text = `Väntande ambulansuppdrag för ${sas.name} steg från 6`;
  await page.locator('.alert-banner').getByText(`Larm: ${text}`).waitFor();
  const banner = page.locator('.alert-banner', { hasText: 'förbi gränsen för Påverkat 10' });
  await banner.waitFor();
  await banner.getByRole('button', { name: 'Stäng larmet' }).click();
  await banner.waitFor({ state: 'detached' });
  await page.reload();
  await page
    .locator('section[aria-labelledby="recent-alerts"]')
    .getByRole('link', { name: text })
    .waitFor();
  assert.deepEqual(problems, []);
  await other.context.close();
  await context.close();
});
