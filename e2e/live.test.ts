// A unit reporter submits the week's situation from a phone while a staff member's open
// dashboard shows it without reloading; unsaved text survives a reload; a conflict keeps the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  phone,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

test("a reporter's submitted situation appears on the open dashboard without reload", async () => {
  const staffContext = await e2e.newContext(desktop);
  const staff = await staffContext.newPage();
  const staffProblems = watchErrors(staff);
  await signIn(staff, demoPeople.staff, demoPassword);
  await staff.goto(`/events/${e2e.server.eventId}`);
  await staff.getByText('2 av 3 enheter har rapporterat för vecka 47 2024').waitFor();
  await staff.getByText('Direktuppdaterad').waitFor();
  const nhRow = staff.getByRole('row', { name: /^Närhälsan/ });
  await nhRow.getByText('Saknas').waitFor();
  // Mark the document: a reload would lose the mark.
  await staff.evaluate(() => ((window as unknown as { mark: string }).mark = 'same page'));

  const reporterContext = await e2e.newContext(phone);
  const reporter = await reporterContext.newPage();
  reporter.on('dialog', (dialog) => void dialog.accept());
  const reporterProblems = watchErrors(reporter);
  await signIn(reporter, demoPeople.reporterNh, demoPassword);
  await reporter.goto(`/events/${e2e.server.eventId}/report`);
  await reporter.getByLabel('Enhet').selectOption({ label: 'Närhälsan (NH)' });
  await reporter
    .getByRole('heading', { level: 1, name: /Lägesbild för Närhälsan, vecka 47 2024/ })
    .waitFor();

  // Prefilled from last week's report.
  await reporter.getByText(/ifyllt med er lägesbild från vecka 46 2024/).waitFor();
  const it = reporter.getByRole('group', { name: 'IT/program' });
  assert.equal(await it.getByRole('radio', { name: /Allvarligt/ }).isChecked(), true);

  // Change the picture; the text is kept locally and survives a reload.
  const overall = reporter.getByRole('group', { name: /Övergripande status/ });
  await overall.getByRole('radio', { name: /Normalt/ }).check();
  await it.getByRole('radio', { name: /Påverkat/ }).check();
  await reporter
    .getByRole('group', { name: /Prognos/ })
    .getByRole('radio', { name: /Förbättras/ })
    .check();
  const bullets =
    '- Alla vårdcentraler arbetar åter i de tidigare systemen.\n- Telefonköerna är nu normala.';
  await reporter.getByLabel('Lägesbild i punktform').fill(bullets);
  await reporter.getByText('Du har ändringar som inte är sparade.').waitFor();
  const draftKey = `lagesbild.situationDraft.${e2e.server.eventId}.2.2024-W47`;
  await reporter.waitForFunction(
    ([key, text]) => localStorage.getItem(key)?.includes(text) === true,
    [draftKey, JSON.stringify(bullets).slice(1, -1)] as const,
  );
  await reporter.reload();
  await reporter.getByText(/Vi har återställt text som du inte hade sparat/).waitFor();
  assert.equal(await reporter.getByLabel('Lägesbild i punktform').inputValue(), bullets);
  assert.equal(
    await reporter
      .getByRole('group', { name: 'IT/program' })
      .getByRole('radio', { name: /Påverkat/ })
      .isChecked(),
    true,
  );

  // Leaving inside the app asks first; staying keeps the text.
  await reporter.getByRole('link', { name: 'Millennium 2024' }).click();
  const leave = reporter.getByRole('alertdialog', { name: /inte är sparade/ });
  await leave.waitFor();
  await leave.getByRole('button', { name: 'Stanna kvar' }).click();
  await leave.waitFor({ state: 'detached' });
  assert.equal(await reporter.getByLabel('Lägesbild i punktform').inputValue(), bullets);

  await reporter.getByRole('button', { name: 'Lägg till nyckeltal' }).click();
  await reporter.getByLabel('Nyckeltal', { exact: true }).fill('Väntetid i telefon');
  await reporter.getByLabel('Värde').fill('12,5');
  await reporter.getByLabel('Enhet (t.ex. %)').fill('min');
  // Nothing sticks out sideways on a 360 px phone.
  await reporter.setViewportSize({ width: 360, height: 780 });
  assert.ok(
    await reporter.evaluate(() => document.documentElement.scrollWidth <= 360),
    'the form fits 360 px without horizontal scrolling',
  );
  await screenshot(reporter, 'report-filled-phone', true);
  await assertAccessible(reporter, 'report form filled (phone)');

  await reporter.getByRole('button', { name: 'Skicka in till staben' }).click();
  await reporter.getByText(/Lägesbilden är inskickad till staben/).waitFor();
  await reporter.getByText('Väntetid i telefon: 12,5 min').waitFor();
  await screenshot(reporter, 'report-sent-phone');
  assert.equal(
    await reporter.evaluate((key) => localStorage.getItem(key), draftKey),
    null,
    'the local draft is cleared once the server has the text',
  );

  // The staff member's dashboard follows, on the same page.
  await staff
    .getByText('3 av 3 enheter har rapporterat för vecka 47 2024')
    .waitFor({ timeout: 5000 });
  await nhRow.getByText('Inskickad').waitFor();
  await nhRow.getByText('Förbättras').waitFor();
  assert.match(
    (await nhRow.getAttribute('class')) ?? '',
    /is-changed/,
    'the changed row is highlighted',
  );
  assert.equal(
    await staff.evaluate(() => (window as unknown as { mark?: string }).mark),
    'same page',
  );
  await screenshot(staff, 'dashboard-live-update-desktop');

  assert.deepEqual([...staffProblems, ...reporterProblems], []);
  await staffContext.close();
  await reporterContext.close();
});

test('a conflicting save shows the other version and keeps the text', async () => {
  const period = '2024-W48';
  const url = `/events/${e2e.server.eventId}/report?unit=1&period=${period}`;
  const reporterContext = await e2e.newContext(desktop);
  const reporter = await reporterContext.newPage();
  reporter.on('dialog', (dialog) => void dialog.accept());
  await signIn(reporter, demoPeople.reporterSas, demoPassword);
  await reporter.goto(url);
  await reporter
    .getByRole('heading', { level: 1, name: /Södra Älvsborgs Sjukhus, vecka 48 2024/ })
    .waitFor();
  await reporter.getByLabel('Lägesbild i punktform').fill('- Första utkastet.');
  await reporter.getByRole('button', { name: 'Spara utkast' }).click();
  await reporter.getByText(/Utkastet är sparat/).waitFor();

  // A staff member edits the same draft meanwhile.
  const staffContext = await e2e.newContext(desktop);
  const staff = await staffContext.newPage();
  await signIn(staff, demoPeople.staff, demoPassword);
  await staff.goto(url);
  await staff.getByLabel('Lägesbild i punktform').fill('- Stabens ändring.');
  await staff.getByRole('button', { name: 'Spara utkast' }).click();
  await staff.getByText(/Utkastet är sparat/).waitFor();

  const mine = '- Reporterns egen text som inte får försvinna.';
  await reporter.getByLabel('Lägesbild i punktform').fill(mine);
  await reporter.getByRole('button', { name: 'Spara utkast' }).click();
  const conflict = reporter.getByRole('region', { name: 'Någon annan har ändrat lägesbilden' });
  await conflict.waitFor();
  await conflict.getByText('- Stabens ändring.').waitFor();
  await conflict.getByText(mine).waitFor();
  assert.equal(await reporter.getByLabel('Lägesbild i punktform').inputValue(), mine);
  await screenshot(reporter, 'report-conflict-desktop', true);
  await assertAccessible(reporter, 'report conflict');

  await conflict.getByRole('button', { name: 'Behåll min text och spara över' }).click();
  await reporter.getByText(/Utkastet är sparat/).waitFor();
  assert.equal(await conflict.count(), 0);
  await reporter.reload();
  assert.equal(await reporter.getByLabel('Lägesbild i punktform').inputValue(), mine);
  await staffContext.close();
  await reporterContext.close();
});

test("the staff's new log entry and diversion reach an open dashboard", async () => {
  const context = await e2e.newContext(desktop);
  const page = await context.newPage();
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}`);
  await page.getByText('Direktuppdaterad').waitFor();
  const board = page.getByRole('region', { name: 'Omstyrning av akutflöden' });
  await board.getByText('Tar emot som vanligt').first().waitFor();

  // Another staff member writes through the API (same session here, for brevity).
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  const now = new Date();
  const logged = await page.request.post(`/api/events/${e2e.server.eventId}/log`, {
    headers,
    data: { occurredAt: now.toISOString(), text: 'Ny anteckning från stabsmötet i dag.' },
  });
  assert.equal(logged.status(), 201, await logged.text());
  const diverted = await page.request.post(`/api/events/${e2e.server.eventId}/diversions`, {
    headers,
    data: {
      facilityId: 1,
      categories: ['walk_in', 'ambulance'],
      redirectedTo: 'NÄL i Trollhättan',
      startsAt: new Date(now.getTime() - 60_000).toISOString(),
    },
  });
  assert.equal(diverted.status(), 201, await diverted.text());

  await page
    .getByRole('region', { name: 'Loggbok' })
    .getByText('Ny anteckning från stabsmötet i dag.')
    .waitFor({ timeout: 5000 });
  await board.getByText('Omstyr', { exact: true }).waitFor({ timeout: 5000 });
  await board.getByText('Gående, Ambulans').waitFor();
  await board.getByText('NÄL i Trollhättan').waitFor();
  await screenshot(page, 'dashboard-diversion-live-desktop');
  await assertAccessible(page, 'dashboard with a diversion');
  await context.close();
});
