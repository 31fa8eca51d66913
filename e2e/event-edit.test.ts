// Editing the event: an admin opens "Händelsen" in the event's administration, changes the name,
// start and exercise flag and the four-eyes rule; a change someone else saved meanwhile is shown
// beside the admin's and nothing typed is lost; a staff member sees the details without a form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeEvent, eventById } from '../src/server/events/service.ts';
import { systemActor } from '../src/server/http/actor.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  screenshot,
  signIn,
  signInFirstAdmin,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();
const adminPassword = 'Stabschefens-nya-lösen-2024';

test('an admin edits the event, and a conflicting change is shown beside theirs', async () => {
  const { db } = e2e.server.database;
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, adminPassword);

  await page.goto(`/events/${eventId}/admin`);
  await page.getByRole('link', { name: 'Händelsen', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Händelsen/ }).waitFor();
  await assertAccessible(page, 'event details');

  const form = page.locator('#event-form');
  await form.getByLabel('Namn').fill('Millennium, införandet 2024');
  await form.getByLabel('Startade (datum och klockslag)').fill('2024-10-28T07:30');
  await form.getByLabel('Det här är en övning').check();
  await form.getByRole('button', { name: 'Spara händelsen' }).click();
  await page.getByText('Händelsen är sparad.').waitFor();
  let saved = await eventById(db, eventId);
  assert.equal(saved.name, 'Millennium, införandet 2024');
  assert.equal(saved.isExercise, true);
  assert.equal(saved.activatedAt.slice(0, 16), '2024-10-28T06:30');

  await changeEvent(db, systemActor, eventId, {
    version: saved.version,
    fourEyes: !saved.fourEyes,
  });
  await form.getByLabel('Namn').fill('Millennium 2024');
  await form.getByLabel('Det här är en övning').uncheck();
  await form.getByRole('button', { name: 'Spara händelsen' }).click();
  const conflict = page.locator('.conflict');
  await conflict.waitFor();
  await assertAccessible(page, 'event details with a conflict');
  await screenshot(page, 'event-edit-conflict', true);
  // The first save's "Händelsen är sparad." may still show: the server's answer is the sign.
  const resaved = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === `/api/events/${eventId}` &&
      response.request().method() !== 'GET',
  );
  await conflict.getByRole('button', { name: 'Behåll min version och spara igen' }).click();
  assert.equal((await resaved).status(), 200);
  await conflict.waitFor({ state: 'detached' });
  saved = await eventById(db, eventId);
  assert.equal(saved.name, 'Millennium 2024');
  assert.equal(saved.isExercise, false);

  assert.deepEqual(problems, []);
  await context.close();
});

test('a staff member sees the event’s details without a form', async () => {
  const context = await e2e.newContext();
  const page = await context.newPage();
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/admin/event`);
  await page.getByText('Bara händelsens administratör kan ändra uppgifterna.').waitFor();
  assert.equal(await page.locator('#event-form').count(), 0);
  await assertAccessible(page, 'event details for staff');
  await context.close();
});
