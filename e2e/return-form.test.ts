// An admin builds the event's return form through the web app (a yes/no, a choice and a number
// field); a unit fills it, answers one field "uppgift saknas", submits, and the dashboard shows
// the answers. axe-core on each screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { grantRole } from '../src/server/access/service.ts';
import { createEventBody } from '../src/contract/events.ts';
import { periodOf } from '../src/core/time.ts';
import { createEvent } from '../src/server/setups/service.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { findUnitByCode } from '../src/server/units/repository.ts';
import { findUserByEmail } from '../src/server/users/repository.ts';
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

async function settle(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await screenshot(page, name, true);
  await assertAccessible(page, name);
}

/** Adds a field of the kind at the end of the form and answers its input ids' prefix. */
async function addField(page: Page, kindLabel: string, index: number, label: string) {
  await page.locator('#new-kind').selectOption({ label: kindLabel });
  await page.getByRole('button', { name: 'Lägg till fält' }).click();
  await page.locator(`#form-${index}-label`).fill(label);
  return `#form-${index}`;
}

test('an admin adds fields, a unit answers them with "uppgift saknas", the dashboard shows it', async () => {
  const db = e2e.server.database.db;
  const event = await createEvent(
    db,
    systemActor,
    createEventBody.parse({ name: 'Övning rapportformulär' }),
  );
  const sas = (await findUnitByCode(db, 'SÄS'))!;
  const reporter = (await findUserByEmail(db, demoPeople.reporterSas))!;
  const eventAdmin = (await findUserByEmail(db, demoPeople.staff))!;
  await grantRole(db, systemActor, event.id, {
    userId: eventAdmin.id,
    role: 'admin',
    unitId: null,
  });
  await grantRole(db, systemActor, event.id, {
    userId: reporter.id,
    role: 'unit_reporter',
    unitId: sas.id,
  });

  const adminContext = await e2e.newContext();
  adminContext.setDefaultTimeout(10_000);
  const admin = await adminContext.newPage();
  const adminProblems = watchErrors(admin);
  await signIn(admin, demoPeople.staff, demoPassword);
  await admin.goto(`/events/${event.id}/admin/form`);
  await admin.getByRole('heading', { level: 1, name: 'Rapportformulär' }).waitFor();
  await admin.getByText('Händelsen har standardformuläret.').waitFor();
  await settle(admin, 'return-form-admin-default');

  const yesNo = await addField(admin, 'Ja/nej', 8, 'IVA öppen');
  await admin.locator(`${yesNo}-required`).check();
  const choice = await addField(admin, 'Val i lista', 9, 'Beredskapsläge');
  await admin.locator(`${choice}-options`).fill('Förstärkt');
  await admin.getByRole('button', { name: 'Spara formuläret' }).click();
  await admin
    .getByRole('alert')
    .getByRole('link', { name: 'Ange minst två alternativ.' })
    .waitFor();
  await admin.locator('.field-error', { hasText: 'Ange minst två alternativ.' }).waitFor();
  await admin.locator(`${choice}-options`).fill('Normal\nFörstärkt\nStab');
  const number = await addField(admin, 'Tal (nyckeltal)', 10, 'Lediga vårdplatser');
  await admin.locator(`${number}-figureName`).fill('Lediga vårdplatser');
  await admin.locator(`${number}-figureUnit`).fill('st');
  // The number field moves above the choice by keyboard: focus its button and press Enter.
  await admin.locator(`${number}-up`).focus();
  await admin.keyboard.press('Enter');
  assert.equal(await admin.evaluate(() => document.activeElement?.id), 'form-9-up');
  assert.equal(await admin.locator('#form-9-label').inputValue(), 'Lediga vårdplatser');
  await admin.getByRole('button', { name: 'Spara formuläret' }).click();
  await admin.getByText('Formuläret är sparat.').waitFor();
  const preview = admin.getByRole('region', { name: 'Förhandsvisning av enhetens formulär' });
  await preview.getByText('Lediga vårdplatser (st)').waitFor();
  await settle(admin, 'return-form-admin-saved');
  assert.deepEqual(adminProblems, []);

  const period = periodOf(new Date(), 'week').key;
  const unitContext = await e2e.newContext();
  unitContext.setDefaultTimeout(10_000);
  const unit = await unitContext.newPage();
  const unitProblems = watchErrors(unit);
  await signIn(unit, demoPeople.reporterSas, demoPassword);
  await unit.goto(`/events/${event.id}/report?unit=${sas.id}&period=${period}`);
  await unit.locator('#field-overallStatus-1').check();
  await unit.locator('#field-prognosis-1').check();
  await unit.locator('#field-falt10-1').check();
  await unit.locator('#field-falt11').fill('3');
  await unit.locator('#field-falt11-na').check();
  assert.equal(await unit.locator('#field-falt11').inputValue(), '');
  await unit.getByRole('button', { name: 'Skicka in till staben' }).click();
  const missing =
    'Fyll i "IVA öppen" innan lägesbilden skickas in, eller markera "Uppgift saknas".';
  await unit.getByRole('alert').getByRole('link', { name: missing }).waitFor();
  await unit
    .locator('.return-field[data-field="falt9"] .field-error', { hasText: missing })
    .waitFor();
  await settle(unit, 'return-form-unit-error');
  await unit.locator('#field-falt9-0').check();
  await unit.getByRole('button', { name: 'Skicka in till staben' }).click();
  await unit.getByText(/Lägesbilden är inskickad till staben/).waitFor();
  const sent = unit.getByRole('region', { name: 'Övriga uppgifter' });
  assert.equal(
    await sent.locator('dl').innerText(),
    'IVA öppen\nJa\nLediga vårdplatser\nUppgift saknas\nBeredskapsläge\nFörstärkt',
  );
  await settle(unit, 'return-form-unit-sent');
  assert.deepEqual(unitProblems, []);

  await admin.goto(`/events/${event.id}`);
  const panel = admin.getByRole('region', {
    name: 'Övriga uppgifter från Södra Älvsborgs Sjukhus',
  });
  await panel.waitFor();
  assert.equal(
    await panel.locator('dl').innerText(),
    'IVA öppen\nJa\nLediga vårdplatser\nUppgift saknas\nBeredskapsläge\nFörstärkt',
  );
  await settle(admin, 'return-form-dashboard');
  assert.deepEqual(adminProblems, []);
  await adminContext.close();
  await unitContext.close();
});
