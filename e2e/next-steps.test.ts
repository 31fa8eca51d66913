// What each person must do next, and only what they may do: an approver's start page names the
// report waiting for them and links to its approval; a staff member and a reader see no
// Administration tab, no approval buttons and no forms they cannot use. axe-core on each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { grantRole } from '../src/server/access/service.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { moveReport, startReport } from '../src/server/reports/service.ts';
import { createEvent } from '../src/server/setups/service.ts';
import { findUserByEmail } from '../src/server/users/repository.ts';
import type { Role } from '../src/core/access.ts';
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
  await screenshot(page, name);
  await assertAccessible(page, name);
}

async function preparedEvent() {
  const db = e2e.server.database.db;
  const event = await createEvent(db, systemActor, {
    name: 'Övning Nästa steg',
    description: '',
    background: '',
    isExercise: true,
    periodGranularity: 'week',
    fourEyes: false,
  });
  const people: [string, Role][] = [
    [demoPeople.staff, 'staff'],
    [demoPeople.approver, 'approver'],
    [demoPeople.reader, 'reader'],
  ];
  for (const [email, role] of people) {
    const user = await findUserByEmail(db, email);
    await grantRole(db, systemActor, event.id, { userId: user!.id, role, unitId: null });
  }
  const draft = await startReport(db, systemActor, event.id, { kind: 'extra' });
  await moveReport(db, systemActor, event.id, draft.id, 'submit', { version: draft.version });
  return { event, report: draft };
}

async function signedIn(email: string) {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, email, demoPassword);
  return { context, page, problems };
}

function eventNav(page: Page) {
  return page.getByRole('navigation', { name: 'Händelsens delar' });
}

test('an approver starts on what waits for them; staff and readers are offered only what they may do', async () => {
  const { event, report } = await preparedEvent();

  const approver = await signedIn(demoPeople.approver);
  const { page } = approver;
  const todo = page.getByRole('region', { name: 'Att göra' });
  const approve = todo.getByRole('link', { name: `Granska och godkänn ${report.title}` });
  await approve.waitFor();
  await settle(page, 'next-steps-approver');
  await approve.click();
  await page.getByRole('button', { name: 'Godkänn rapporten' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Skicka för granskning' }).count(), 0);
  assert.deepEqual(approver.problems, []);
  await approver.context.close();

  const staff = await signedIn(demoPeople.staff);
  await staff.page.goto(`/events/${event.id}/log`);
  await eventNav(staff.page).getByRole('link', { name: 'Loggbok' }).waitFor();
  await staff.page.getByRole('heading', { name: 'Ny anteckning' }).waitFor();
  assert.equal(await eventNav(staff.page).getByRole('link', { name: 'Administration' }).count(), 0);
  await staff.page.goto(`/events/${event.id}/admin/distribution`);
  await staff.page
    .getByText('Du har inte behörighet till den här delen av administrationen')
    .waitFor();
  // The event's search field is the one form a reader of the event is always offered.
  assert.equal(await staff.page.locator('form:not([role="search"])').count(), 0);
  await settle(staff.page, 'admin-not-allowed-staff');
  await staff.page.goto(`/events/${event.id}/reports/${report.id}`);
  await staff.page.getByRole('heading', { level: 1 }).waitFor();
  await staff.page.waitForLoadState('networkidle');
  assert.equal(await staff.page.getByRole('button', { name: 'Godkänn rapporten' }).count(), 0);
  assert.equal(await staff.page.getByRole('link', { name: 'Returnera med kommentar' }).count(), 0);
  assert.deepEqual(staff.problems, []);
  await staff.context.close();

  const reader = await signedIn(demoPeople.reader);
  await reader.page.goto(`/events/${event.id}`);
  await eventNav(reader.page).getByRole('link', { name: 'Loggbok' }).waitFor();
  await reader.page.waitForLoadState('networkidle');
  assert.equal(
    await eventNav(reader.page).getByRole('link', { name: 'Administration' }).count(),
    0,
  );
  assert.equal(await reader.page.getByRole('link', { name: 'Rapportera lägesbild' }).count(), 0);
  await reader.page.goto(`/events/${event.id}/log`);
  await reader.page.getByRole('heading', { level: 1 }).waitFor();
  await reader.page.waitForLoadState('networkidle');
  assert.equal(await reader.page.getByRole('heading', { name: 'Ny anteckning' }).count(), 0);
  await settle(reader.page, 'log-reader');
  assert.deepEqual(reader.problems, []);
  await reader.context.close();
});
