// The report screens in a real browser: issue 5's flows 3 (start, edit, submit, approve, publish,
// read and download), 4 (two editors, one conflict, nothing lost), 5 (publish by keyboard only)
// and 6 (axe-core on every report screen), with screenshots in test-artifacts/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { APIRequestContext, BrowserContext, Locator, Page } from 'playwright-core';
import { tabTo } from './keyboard.ts';
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

const oskar = 'oskar.nyberg@lagesbild.local';
const e2e = useE2E();

async function checkScreen(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
  await screenshot(page, name);
  await assertAccessible(page, name);
}

/** Replaces the rich-text editor's content with these paragraphs, typed as a user would. */
async function replaceText(page: Page, paragraphs: string[]) {
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(paragraph);
  }
}

/** The editor's paragraphs as the stored Markdown writes them: a blank line between each. */
async function paragraphsOf(editor: Locator): Promise<string> {
  return (await editor.locator('p').allInnerTexts()).join('\n\n');
}

async function signedIn(email: string, viewport = desktop) {
  const context = await e2e.newContext(viewport);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, email, demoPassword);
  return { context, page, problems };
}

/** The API as one person, for setting the scene: signs in and sends the CSRF token. */
async function apiAs(context: BrowserContext, email: string) {
  const response = await context.request.post('/api/auth/login', {
    data: { email, password: demoPassword },
  });
  assert.equal(response.status(), 200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => {
    const request: APIRequestContext = context.request;
    const answer = await request.fetch(path, {
      method,
      headers: { 'x-csrf-token': csrfToken },
      ...(data !== undefined && { data }),
    });
    assert.ok(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`);
    return (await answer.json()) as Record<string, unknown> & { id: number; version: number };
  };
  return call;
}

test('staff start and submit a report; an approver publishes it; a reader downloads the PDF', async () => {
  const eventId = e2e.server.eventId;
  // A reader subscribes in the archive, so that the report has a recipient; without a mail
  // server the archive says that nothing is sent until one is configured.
  const reader = await signedIn(demoPeople.reader);
  await reader.page.goto(`/events/${eventId}/archive`);
  await reader.page
    .getByText(
      'Ingen e-postserver är inställd, så ingen e-post skickas nu. Du kan prenumerera ändå',
    )
    .waitFor();
  await reader.page.getByRole('button', { name: 'Prenumerera på rapporten' }).click();
  await reader.page
    .getByText(
      `Du prenumererar med ${demoPeople.reader}, men ingen e-postserver är inställd, så ingen e-post skickas nu.`,
    )
    .waitFor();

  const staff = await signedIn(demoPeople.staff);
  const { page } = staff;

  await page.goto(`/events/${eventId}`);
  await page
    .getByRole('navigation', { name: 'Händelser' })
    .getByRole('link', { name: 'Rapporter' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByRole('heading', { name: 'Publicerade rapporter' }).waitFor();
  await checkScreen(page, 'reports-list-desktop');

  await page.getByLabel('Extrarapport').check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: /Extrarapport nr 3/ }).waitFor();
  await page.getByText('Utkast', { exact: true }).first().waitFor();
  await checkScreen(page, 'report-tasks-desktop');
  await screenshot(page, 'report-tasks-desktop-full', true);

  await page.getByRole('link', { name: 'Verksamhetens kommentar', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Verksamhetens kommentar' }).waitFor();
  const editor = page.getByRole('textbox', { name: 'Text' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Läget är ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('stabilt');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('.');
  await page.keyboard.press('Enter');
  await page
    .getByRole('toolbar', { name: 'Formatering' })
    .getByRole('button', { name: 'Punktlista' })
    .click();
  await page.keyboard.type('Inga nya avvikelser sedan förra rapporten.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('<script>alert(1)</script>');
  const preview = page.locator('.report-preview');
  await preview.locator('strong', { hasText: 'stabilt' }).waitFor();
  await preview.locator('li', { hasText: 'Inga nya avvikelser' }).waitFor();
  assert.equal(await preview.locator('script').count(), 0, 'raw HTML stays text');
  await preview.getByText('<script>alert(1)</script>').waitFor();
  await page.getByText('Du har ändringar som inte är sparade.').waitFor();
  await checkScreen(page, 'report-section-desktop');
  await page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await page.getByText(/Avsnittet är sparat/).waitFor();

  await page.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  // A data section: drawn again from the live picture.
  await page.getByRole('link', { name: 'Talespersoner VGR', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Talespersoner VGR' }).waitFor();
  await page.getByRole('button', { name: 'Uppdatera från lägesbilden' }).click();
  await page.getByText(/Uppgifterna är uppdaterade från lägesbilden/).waitFor();
  await page.locator('.report-preview').locator('ul, table, .preview-notice').first().waitFor();
  await checkScreen(page, 'report-section-data-desktop');
  await page.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  await page.getByRole('link', { name: 'Ändringar sedan förra rapporten' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ändringar sedan förra rapporten' }).waitFor();
  await page.getByText('Inga nya avvikelser sedan förra rapporten.').waitFor();
  await checkScreen(page, 'report-changes-desktop');
  await page.getByRole('link', { name: 'Alla avsnitt' }).click();
  await page.getByRole('button', { name: 'Skicka för granskning' }).click();
  await page.getByText('Rapporten är skickad för granskning.').waitFor();
  const reportUrl = page.url();

  const approver = await signedIn(demoPeople.approver);
  await approver.page.goto(reportUrl);
  await approver.page.getByRole('button', { name: 'Godkänn rapporten' }).click();
  await approver.page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();

  // Returning needs a comment: the error shows at the top and beside the field.
  await approver.page.getByRole('link', { name: 'Returnera med kommentar' }).click();
  await approver.page
    .getByRole('heading', { level: 1, name: 'Returnera rapporten till utkast' })
    .waitFor();
  await approver.page.getByRole('button', { name: 'Returnera rapporten' }).click();
  await approver.page
    .getByRole('alert')
    .getByRole('link', { name: 'Skriv vad som behöver ändras.' })
    .waitFor();
  await approver.page
    .locator('.field-error', { hasText: 'Skriv vad som behöver ändras.' })
    .waitFor();
  await checkScreen(approver.page, 'report-return-error-desktop');
  await approver.page.getByRole('link', { name: 'Avbryt' }).click();

  await approver.page.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await approver.page
    .getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' })
    .waitFor();
  const recipients = approver.page.getByRole('region', { name: 'Mottagare av e-post' });
  await recipients.getByRole('row').nth(1).waitFor();
  const recipientCount = (await recipients.getByRole('row').count()) - 1;
  assert.ok(recipientCount > 0, 'the recipients are listed');
  await checkScreen(approver.page, 'report-publish-desktop');
  await screenshot(approver.page, 'report-publish-desktop-full', true);
  // The test server has no mail server, so the page says that nothing is sent and promises no send.
  await approver.page.getByText('Ingen e-post skickas', { exact: true }).waitFor();
  await approver.page.getByRole('button', { name: 'Publicera ändå', exact: true }).click();
  await approver.page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  await checkScreen(approver.page, 'report-published-desktop');

  // The staff's open report follows without a reload.
  await page.getByText('Publicerad', { exact: true }).first().waitFor();

  await reader.page.goto(`/events/${eventId}/reports`);
  await reader.page.getByText(/Du kan läsa de publicerade rapporterna i arkivet/).waitFor();
  await checkScreen(reader.page, 'reports-list-reader-desktop');
  await reader.page.getByRole('link', { name: 'Arkiv med publicerade rapporter' }).click();
  await reader.page
    .getByRole('heading', { level: 1, name: 'Arkiv med publicerade rapporter' })
    .waitFor();
  await reader.page.getByRole('link', { name: /^Extrarapport nr 3/ }).waitFor();
  assert.equal(await reader.page.getByRole('link', { name: /Intern version/ }).count(), 0);
  await reader.page.getByRole('link', { name: 'Atom-flöde' }).waitFor();
  const sitRep = reader.page.getByRole('link', {
    name: /^EDXL-SitRep \(XML\) – Extrarapport nr 3/,
  });
  const sitRepXml = await reader.page.request.get((await sitRep.getAttribute('href'))!);
  assert.match(await sitRepXml.text(), /<sr:reportNumber>3<\/sr:reportNumber>/);
  await checkScreen(reader.page, 'archive-desktop');
  await reader.page.getByLabel('Sök i rapporterna').fill('avvikelser');
  await reader.page.getByRole('button', { name: 'Sök' }).click();
  await reader.page.getByText(/rapport(er)? innehåller ”avvikelser”/).waitFor();
  const pdfHref = await reader.page
    .getByRole('link', { name: 'PDF – Extrarapport nr 3' })
    .getAttribute('href');
  await reader.page.getByRole('link', { name: /^Extrarapport nr 3/ }).click();
  await reader.page.getByRole('heading', { level: 1 }).waitFor();
  await reader.page.getByText('Inga nya avvikelser sedan förra rapporten.').waitFor();
  await screenshot(reader.page, 'published-page-desktop');
  const pdf = await reader.context.request.get(pdfHref!);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

  // The archive and the editor at phone width.
  const phoneReader = await signedIn(demoPeople.staff, phone);
  await phoneReader.page.goto(`/events/${eventId}/archive`);
  await phoneReader.page.getByRole('link', { name: /^Extrarapport nr 3/ }).waitFor();
  await checkScreen(phoneReader.page, 'archive-phone');
  await phoneReader.page.goto(reportUrl);
  await phoneReader.page.getByRole('heading', { level: 1, name: /Extrarapport nr 3/ }).waitFor();
  await checkScreen(phoneReader.page, 'report-tasks-phone');
  await phoneReader.page
    .getByRole('link', { name: 'Verksamhetens kommentar', exact: true })
    .click();
  await phoneReader.page.getByText('Inga nya avvikelser sedan förra rapporten.').waitFor();
  await checkScreen(phoneReader.page, 'report-section-phone');

  // Every string has its English version.
  await reader.page.goto(`/events/${eventId}/archive`);
  await reader.page.getByRole('button', { name: 'Switch to English' }).click();
  await reader.page
    .getByRole('heading', { level: 1, name: 'Archive of published reports' })
    .waitFor();
  await reader.page
    .getByText(`You are subscribed with ${demoPeople.reader}, but no mail server is configured`)
    .waitFor();
  await checkScreen(reader.page, 'archive-english-desktop');

  for (const person of [staff, approver, reader, phoneReader]) {
    assert.deepEqual(person.problems, []);
    await person.context.close();
  }
});

test('two editors save the same section: the second sees the conflict and keeps their text', async () => {
  const eventId = e2e.server.eventId;
  const setup = await e2e.newContext();
  const call = await apiAs(setup, demoPeople.staff);
  const report = await call('POST', `/api/events/${eventId}/reports`, {
    kind: 'regular',
    reopenSeries: true,
  });
  await setup.close();

  const elin = await signedIn(demoPeople.staff);
  const oskarSession = await signedIn(oskar);
  const url = `/events/${eventId}/reports/${report.id}`;
  for (const person of [elin, oskarSession]) {
    await person.page.goto(url);
    await person.page.getByRole('link', { name: 'Bakgrund', exact: true }).click();
    await person.page.getByRole('heading', { level: 1, name: 'Bakgrund' }).waitFor();
  }

  // Elin is typing when Oskar saves: the live stream tells her so, and her text stays.
  const mine = 'Elins version av bakgrunden.\n\nMed ett andra stycke.';
  const textarea = elin.page.getByRole('textbox', { name: 'Text' });
  await replaceText(elin.page, ['Elins version av bakgrunden.', 'Med ett andra stycke.']);

  await replaceText(oskarSession.page, ['Oskars version av bakgrunden.']);
  await oskarSession.page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await oskarSession.page.getByText(/Avsnittet är sparat/).waitFor();

  await elin.page.getByText(/Oskar Nyberg sparade det här avsnittet/).waitFor();

  // Leaving with unsaved text asks first.
  await elin.page.getByRole('link', { name: 'Alla avsnitt' }).click();
  const leave = elin.page.getByRole('alertdialog', {
    name: 'Du har ändringar som inte är sparade. Vill du lämna sidan ändå?',
  });
  await leave.waitFor();
  await screenshot(elin.page, 'report-leave-warning-desktop');
  await leave.getByRole('button', { name: 'Stanna kvar' }).click();
  assert.equal(await paragraphsOf(textarea), mine);

  // A reload keeps the unsaved text (from this browser's storage).
  await elin.page.reload();
  await elin.page.getByText(/Vi har återställt text som du inte hade sparat/).waitFor();
  // The editor loads as its own chunk and may fill in after the notice shows.
  await textarea.getByText('Med ett andra stycke.').waitFor();
  assert.equal(await paragraphsOf(textarea), mine);

  await elin.page.getByRole('button', { name: 'Spara avsnittet' }).click();
  const conflict = elin.page.getByRole('region', { name: 'Någon annan har sparat avsnittet' });
  await conflict.waitFor();
  await conflict.getByText('Oskars version av bakgrunden.').waitFor();
  assert.equal(await paragraphsOf(textarea), mine, 'what Elin typed is still there');
  await checkScreen(elin.page, 'report-conflict-desktop');
  await screenshot(elin.page, 'report-conflict-desktop-full', true);

  await conflict.getByRole('button', { name: 'Behåll min text och spara' }).click();
  await elin.page.getByText(/Avsnittet är sparat/).waitFor();
  assert.equal(await conflict.count(), 0);
  const saved = await elin.context.request.get(`/api/events/${eventId}/reports/${report.id}`);
  const body = (await saved.json()) as { sections: { title: string; text: string }[] };
  assert.equal(body.sections.find((section) => section.title === 'Bakgrund')?.text, mine);

  // Oskar's open editor follows the saved text, since he has nothing unsaved; the report's
  // page tells him who else is working on it.
  await oskarSession.page.getByText(/Senast sparat av Elin Bergström/).waitFor();
  await oskarSession.page
    .getByRole('textbox', { name: 'Text' })
    .getByText('Med ett andra stycke.')
    .waitFor();
  assert.equal(await paragraphsOf(oskarSession.page.getByRole('textbox', { name: 'Text' })), mine);
  await oskarSession.page.getByRole('link', { name: 'Alla avsnitt' }).click();
  const others = oskarSession.page.getByRole('status').filter({
    hasText: 'Andra som arbetar med rapporten',
  });
  await others.getByText(/Elin Bergström sparade avsnittet/).waitFor();
  await others.getByRole('link', { name: 'Bakgrund' }).waitFor();
  await checkScreen(oskarSession.page, 'report-others-desktop');

  for (const person of [elin, oskarSession]) {
    assert.deepEqual(person.problems, []);
    await person.context.close();
  }
});

test('an approver publishes a report with the keyboard only', async () => {
  const eventId = e2e.server.eventId;
  const setup = await e2e.newContext();
  const staffApi = await apiAs(setup, demoPeople.staff);
  const report = await staffApi('POST', `/api/events/${eventId}/reports`, {
    kind: 'regular',
    reopenSeries: true,
  });
  const detail = await staffApi('GET', `/api/events/${eventId}/reports/${report.id}`);
  const section = (detail.sections as { id: number; title: string; version: number }[]).find(
    (candidate) => candidate.title === 'Verksamhetens kommentar',
  )!;
  await staffApi('PUT', `/api/events/${eventId}/reports/${report.id}/sections/${section.id}`, {
    version: section.version,
    text: 'Publicerad med tangentbordet.',
  });
  const submitted = await staffApi('POST', `/api/events/${eventId}/reports/${report.id}/submit`, {
    version: report.version,
  });
  await setup.close();

  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watchErrors(page);
  await page.goto('/login');
  await tabTo(page, 'E-postadress');
  await page.keyboard.type(demoPeople.approver);
  await tabTo(page, 'Lösenord');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();

  await tabTo(page, /^Millennium 2024/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Millennium 2024/ }).waitFor();
  await tabTo(page, 'Rapporter', { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await tabTo(page, new RegExp(`^Rapport nr ${String(report.number)}`));
  await page.keyboard.press('Enter');
  await page
    .getByRole('heading', { level: 1, name: new RegExp(`Rapport nr ${String(report.number)}`) })
    .waitFor();
  assert.equal(submitted.state, 'in_review');
  await tabTo(page, 'Godkänn rapporten ändå');
  await page.keyboard.press('Space');
  await page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();
  await tabTo(page, 'Kontrollera och publicera');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' }).waitFor();
  await tabTo(page, 'Visa den offentliga versionen');
  await page.keyboard.press('Enter');
  await page
    .locator('.report-preview')
    .first()
    .getByText('Publicerad med tangentbordet.')
    .waitFor();
  await tabTo(page, 'Publicera ändå');
  await screenshot(page, 'report-publish-keyboard-desktop');
  await page.keyboard.press('Space');
  await page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  await tabTo(page, 'Öppna den offentliga versionen');
  await page.keyboard.press('Enter');
  await page.getByText('Publicerad med tangentbordet.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
