// The staff's main flows with the keyboard only (WCAG 2.1.1): from the login page to the event,
// a log entry marked significant, and a decision, each reached and sent with Tab, Space and Enter.
// Every focused control must show its focus. The approver's publishing walk is in reports.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { tabTo } from './keyboard.ts';
import { demoPassword, demoPeople, screenshot, useE2E, watchErrors } from './support.ts';

const e2e = useE2E();

async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await tabTo(page, 'E-postadress');
  await page.keyboard.type(email);
  await tabTo(page, 'Lösenord');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
}

/** From anywhere on the event's pages, to one of its parts by the event's navigation. */
async function openPart(page: Page, part: string): Promise<void> {
  await tabTo(page, part, { back: true, max: 80 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: part }).waitFor();
}

test('a staff member logs an event and records a decision with the keyboard only', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInByKeyboard(page, demoPeople.staff);
  await tabTo(page, /^Millennium 2024/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Millennium 2024/ }).waitFor();

  await openPart(page, 'Loggbok');
  await tabTo(page, 'Anteckning');
  await page.keyboard.type('Ambulansdirigeringen meddelar kö till akuten i Borås.');
  await tabTo(page, /^Källa/);
  await page.keyboard.type('Telefon från SOS Alarm');
  await tabTo(page, 'Viktig händelse');
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel('Viktig händelse').isChecked(), true);
  await tabTo(page, 'Lägg till anteckningen');
  await page.keyboard.press('Enter');
  const entry = page.locator('tbody tr', { hasText: 'Ambulansdirigeringen meddelar kö' });
  await entry.waitFor();
  assert.match(await entry.innerText(), /Telefon från SOS Alarm/);
  await screenshot(page, 'keyboard-log-desktop');

  await openPart(page, 'Beslut');
  await tabTo(page, /^Forum/);
  await page.keyboard.type('Stabsmöte');
  await tabTo(page, /^Mandat/);
  await page.keyboard.type('Stabschefens delegation');
  await tabTo(page, 'Beslut');
  await page.keyboard.type('Ambulanser till Borås styrs om till Alingsås under natten.');
  await tabTo(page, 'Spara beslutet');
  await page.keyboard.press('Enter');
  await page.getByText('Beslutet är sparat.').waitFor();
  const decision = page.locator('tbody tr', { hasText: 'styrs om till Alingsås under natten' });
  assert.match(await decision.innerText(), /Stabsmöte/);
  await screenshot(page, 'keyboard-decision-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});
