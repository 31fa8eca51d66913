// The user guide's week (docs/user-guide.md) walked in a real browser on the live demo event: the
// staff ask for next week's situation, follow who has answered this week while a unit reporter
// answers, see a diversion alert, compile the weekly report; the approver approves and publishes
// it; the staff check its deliveries. Each screen is checked with axe-core, and its screenshot is
// the one the guide shows (docs/images/user-guide/).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { periodOf } from '../src/core/time.ts';
import { raiseAlerts } from '../src/server/alerts/service.ts';
import { findUnitByCode } from '../src/server/units/repository.ts';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();
const imagesDir = path.resolve(import.meta.dirname, '../docs/images/user-guide');
const dayMs = 86_400_000;

interface Person {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function signedIn(email: string): Promise<Person> {
  const context = await e2e.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, email, demoPassword);
  return { context, page, problems };
}

/** Waits for the screen to settle, checks it with axe and saves the guide's picture of it. */
async function guideImage(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await assertAccessible(page, name);
  await page.screenshot({ path: path.join(imagesDir, `${name}.png`), fullPage });
}

async function liveEventId(page: Page): Promise<number> {
  const events = (await (await page.request.get('/api/events')).json()) as {
    items: { id: number; state: string }[];
  };
  return events.items.find((event) => event.state === 'active')!.id;
}

/** A datetime-local value: the minute in Stockholm time. */
function stockholmMinute(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(' ', 'T');
}

function weekLabel(key: string): string {
  return `vecka ${Number(key.slice(-2))}`;
}

test('a staff week: request, completeness, a diversion alert, compile, approve, publish, deliveries', async () => {
  fs.mkdirSync(imagesDir, { recursive: true });
  const db = e2e.server.database.db;
  await raiseAlerts(db, new Date(), 0);
  const sasId = (await findUnitByCode(db, 'SÄS'))!.id;
  const thisWeek = periodOf(new Date(), 'week').key;
  const nextWeek = periodOf(new Date(Date.now() + 7 * dayMs), 'week').key;

  // A reader of the event subscribes to its reports, so that a published report has a recipient.
  const reader = await signedIn(demoPeople.reader);
  const readerEventId = await liveEventId(reader.page);
  await reader.page.goto(`/events/${readerEventId}/archive`);
  await reader.page.getByRole('button', { name: 'Prenumerera på rapporten' }).click();
  await reader.page
    .getByText(`Du prenumererar med ${demoPeople.reader}, men ingen e-postserver är inställd`, {
      exact: false,
    })
    .waitFor();

  // 1. The staff member's start page and the event.
  const staff = await signedIn(demoPeople.staff);
  const { page } = staff;
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
  await page
    .getByRole('region', { name: 'Att göra' })
    .getByText('Du har inget som väntar på dig just nu.')
    .waitFor();
  await guideImage(page, '01-start');
  const eventId = await liveEventId(page);

  // 2. Ask the three reporting units for next week's situation.
  await page.goto(`/events/${eventId}`);
  await page.getByRole('link', { name: 'Begäran om lägesbild' }).click();
  await page.getByRole('heading', { level: 1, name: 'Begäran om lägesbild' }).waitFor();
  const form = page.locator('#input-request-form');
  await form.getByLabel('Period').fill(nextWeek);
  await form.getByLabel('Regional laboratoriemedicin (RLM)').uncheck();
  await form.getByLabel('Fastighet, stöd och service (FSS)').uncheck();
  await guideImage(page, '02-input-request', true);
  await form.getByRole('button', { name: 'Skicka begäran' }).click();
  await page
    .getByText(new RegExp(`Begäran om lägesbild för ${weekLabel(nextWeek)}.* är skapad\\.`))
    .waitFor();
  const requested = page.getByRole('row', { name: new RegExp(`^${weekLabel(nextWeek)}\\b`) });
  await requested.getByRole('cell', { name: 'NH, RH, SÄS', exact: true }).waitFor();

  // 3. The unit reporter answers this week's request from their start page.
  const reporter = await signedIn(demoPeople.reporterSas);
  const thisWeeksReturn = reporter.page
    .getByRole('region', { name: 'Att göra' })
    .getByRole('link', {
      name: new RegExp(`^Lämna lägesbild för Södra Älvsborgs Sjukhus, ${weekLabel(thisWeek)}\\b`),
    })
    .and(
      reporter.page.locator(`[href="/events/${eventId}/report?unit=${sasId}&period=${thisWeek}"]`),
    )
    .first();
  await thisWeeksReturn.waitFor();
  await guideImage(reporter.page, '03-reporter-start');
  await thisWeeksReturn.click();
  await reporter.page
    .getByRole('heading', {
      level: 1,
      name: new RegExp(`^Lägesbild för Södra Älvsborgs Sjukhus, ${weekLabel(thisWeek)}\\b`),
    })
    .waitFor();
  await reporter.page
    .getByLabel('Lägesbild i punktform')
    .fill(
      '- Beläggningen är nere på 95 procent.\n- Väntetiderna på akuten i Borås är kortare än förra veckan.',
    );
  await guideImage(reporter.page, '04-unit-form');
  await reporter.page.getByRole('button', { name: 'Skicka in till staben' }).click();
  await reporter.page.getByText(/Lägesbilden är inskickad till staben/).waitFor();

  // 4. The staff follow who has answered this week and accept the answer.
  await page.reload();
  await page
    .getByRole('button', { name: new RegExp(`^Visa svaren\\W+${weekLabel(thisWeek)}\\b`) })
    .click();
  const answers = page.getByRole('region', {
    name: new RegExp(`Svar för ${weekLabel(thisWeek)}`),
  });
  await answers.getByText('1 av 3').waitFor();
  const sasRow = answers.getByRole('row', { name: /Södra Älvsborgs Sjukhus/ });
  await sasRow.getByText('Inskickad', { exact: true }).waitFor();
  await guideImage(page, '05-completeness', true);
  await sasRow.getByRole('link', { name: /^Granska/ }).click();
  await page.getByText('Beläggningen är nere på 95 procent.').waitFor();
  await guideImage(page, '06-review-situation');
  await page.getByRole('button', { name: 'Godkänn lägesbilden' }).click();
  await page.getByText('Lägesbilden är godkänd.').waitFor();

  // 5. A diversion alert: the staff member chooses it; a colleague starts a diversion.
  await page.getByRole('link', { name: 'Larm', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Larm' }).waitFor();
  await page.getByLabel('Larma mig: En omstyrning börjar eller upphör').check();
  await page.getByRole('button', { name: 'Spara valen' }).click();
  await page.getByRole('status').getByText('Dina val är sparade.').waitFor();
  await guideImage(page, '07-alert-choices');

  const colleague = await signedIn('oskar.nyberg@lagesbild.local');
  await colleague.page.goto(`/events/${eventId}/diversions`);
  await colleague.page.getByRole('heading', { level: 1, name: 'Omstyrning' }).waitFor();
  await colleague.page.waitForLoadState('networkidle');
  const diversion = colleague.page.locator('#diversion-form');
  const facility = diversion.getByLabel('Akutmottagning');
  const skene = (await facility.locator('option').allInnerTexts()).find((text) =>
    text.includes('Skene'),
  )!;
  await facility.selectOption({ label: skene });
  await diversion.getByLabel('Ambulans').check();
  await diversion.getByLabel('Hänvisas till').fill('Akutmottagningen Borås');
  await diversion.getByLabel('Från').fill(stockholmMinute(new Date()));
  await diversion.getByRole('button', { name: 'Starta omstyrningen' }).click();
  await colleague.page.getByText('Omstyrningen är sparad.').waitFor();
  // The server raises alerts on a timer; the test raises them at once.
  await raiseAlerts(db, new Date(), 0);

  const banner = page.locator('.alert-banner', {
    hasText: 'Larm: Omstyrning börjar: Närakuten Skene',
  });
  await banner.waitFor();
  await guideImage(page, '08-alert-banner');
  await banner.getByRole('link', { name: 'Öppna' }).click();
  await page.getByRole('heading', { level: 1, name: 'Omstyrning' }).waitFor();
  await banner.waitFor({ state: 'detached' });
  const current = page.locator('section[aria-labelledby="diversions-list-title"] tbody tr', {
    hasText: 'Akutmottagningen Borås',
  });
  await current.getByRole('rowheader', { name: /^Närakuten Skene/ }).waitFor();
  await guideImage(page, '09-diversions');

  // The staff member notes the diversion in the log book as a significant event.
  await page
    .getByRole('navigation', { name: 'Händelsens delar' })
    .getByRole('link', { name: 'Loggbok', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Loggbok' }).waitFor();
  const note = 'Närakuten Skene styr om ambulanser till Akutmottagningen Borås.';
  const log = page.locator('#log-form');
  await log.getByLabel('Anteckning').fill(note);
  await log.getByLabel('Källa').fill('Larm i Lägesbild');
  await log.getByLabel('Viktig händelse').check();
  await log.getByRole('button', { name: 'Lägg till anteckningen' }).click();
  await page.getByText('Anteckningen är sparad.').waitFor();
  await page.locator('tbody tr', { hasText: note }).getByText('Viktig').waitFor();
  await guideImage(page, '10-log-entry', true);

  // 6. The staff member compiles this week's report and sends it for approval.
  await page
    .getByRole('navigation', { name: 'Händelsens delar' })
    .getByRole('link', { name: 'Rapporter', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByLabel('Ordinarie rapport').check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapport nr 2' }).waitFor();
  await page.getByText('Utkast', { exact: true }).first().waitFor();
  await guideImage(page, '11-report-sections');
  await page.getByRole('link', { name: 'Verksamhetens kommentar', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Verksamhetens kommentar' }).waitFor();
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Omstyrningen från Närakuten Skene gäller tills vidare.');
  await page.locator('.report-preview').getByText('Omstyrningen från Närakuten Skene').waitFor();
  await page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await page.getByText(/Avsnittet är sparat/).waitFor();
  await guideImage(page, '12-report-section');
  await page.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  await page.getByRole('button', { name: 'Skicka för granskning' }).click();
  await page.getByText('Rapporten är skickad för granskning.').waitFor();
  const reportUrl = page.url();

  // 7. The approver finds the report on their start page, approves and publishes it.
  const approver = await signedIn(demoPeople.approver);
  const waiting = approver.page
    .getByRole('region', { name: 'Att göra' })
    .getByRole('link', { name: /^Granska och godkänn / })
    .and(approver.page.locator(`[href^="${new URL(reportUrl).pathname}"]`));
  await waiting.waitFor();
  await guideImage(approver.page, '13-approver-start');
  await waiting.click();
  await approver.page.getByRole('button', { name: 'Godkänn rapporten' }).click();
  await approver.page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();
  await guideImage(approver.page, '14-approved');
  await approver.page.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await approver.page
    .getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' })
    .waitFor();
  const recipients = approver.page.getByRole('region', { name: 'Mottagare av e-post' });
  await recipients.getByRole('rowheader', { name: demoPeople.reader }).waitFor();
  await approver.page
    .getByText(/^1 mottagare: 1 får den offentliga versionen och 0 den interna\.$/)
    .waitFor();
  await approver.page.getByText('Ingen e-post skickas', { exact: true }).waitFor();
  await guideImage(approver.page, '15-publish-check', true);
  await approver.page.getByRole('button', { name: 'Publicera ändå', exact: true }).click();
  await approver.page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  await guideImage(approver.page, '16-published');

  // 8. The staff member checks who has received the report.
  await page.goto(reportUrl);
  await page.getByRole('link', { name: 'Vem har fått rapporten?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utskick av rapporten' }).waitFor();
  await page.getByText('0 skickade, 1 väntar, 0 misslyckade.').waitFor();
  await page
    .locator('tbody tr', { hasText: demoPeople.reader })
    .getByText('Väntar', { exact: true })
    .waitFor();
  await page.getByText('Ingen e-post skickas', { exact: true }).waitFor();
  await guideImage(page, '17-deliveries', true);

  for (const person of [reader, staff, reporter, colleague, approver]) {
    assert.deepEqual(person.problems, []);
    await person.context.close();
  }
});
