// Alerts that reach people: a staff member turns on diversion alerts; when a diversion starts
// (entered by someone else in another browser), the alert shows on the page they have open, in
// words, and is listed among their recent alerts. axe-core on the alerts page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
