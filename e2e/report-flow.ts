// The steps the example-template browser tests share: signing in to the live demo event,
// creating a template in the editor with a lead summary, starting a report of it, and taking a
// written report through review, approval and publishing.
import type { BrowserContext, Page } from 'playwright-core';
import { demoPassword, desktop, signIn, signInFirstAdmin, type E2E } from './support.ts';

/** A new desktop context signed in as a demo person, or as the first admin with a new password. */
export async function signedIn(
  e2e: E2E,
  as: { email: string } | { firstAdminPassword: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.newContext(desktop);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  if ('email' in as) await signIn(page, as.email, demoPassword);
  else await signInFirstAdmin(page, e2e, as.firstAdminPassword);
  return { context, page };
}

/** The demo's live event: the one that is not the test server's own event. */
export async function liveEventId(page: Page, e2e: E2E): Promise<number> {
  const events = (await (await page.request.get('/api/events')).json()) as {
    items: { id: number }[];
  };
  return events.items.find((event) => event.id !== e2e.server.eventId)!.id;
}

/** Creates an empty template in the editor and leaves the editor open on it. */
export async function createTemplate(page: Page, eventId: number, name: string): Promise<void> {
  await page.goto(`/events/${eventId}/admin/templates`);
  await page.getByRole('heading', { level: 1, name: 'Mallar' }).waitFor();
  await page.getByLabel('Mallens namn').fill(name);
  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await page.getByRole('heading', { name: `Mallen ${name}` }).waitFor();
}

/**
 * Creates the template in the editor with its title pattern and series, and makes its first
 * section a lead summary. The editor is left on the template, with the section form open.
 */
export async function createTemplateWithLead(
  page: Page,
  eventId: number,
  identity: { name: string; titlePattern: string; series: string },
): Promise<void> {
  await createTemplate(page, eventId, identity.name);
  await page.getByLabel('Mönster för rubriken').fill(identity.titlePattern);
  await page.getByLabel('Serie', { exact: true }).fill(identity.series);
  await page.getByRole('button', { name: /^Inställningar\W+Läget$/ }).click();
  const settings = page.locator('.template-section-form');
  await settings.getByLabel('Rubrik', { exact: true }).fill('Sammanfattning');
  await settings.getByLabel('Sammanfattning: visas först och märks som sammanfattning').check();
}

/** Starts the next report of the template, of the given kind, from the reports page. */
export async function startReport(
  page: Page,
  eventId: number,
  templateName: string,
  kind: 'Ordinarie rapport' | 'Slutrapport' = 'Ordinarie rapport',
): Promise<void> {
  await page.goto(`/events/${eventId}/reports`);
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByLabel('Mall', { exact: true }).selectOption({ label: templateName });
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: /^(Rapport|Slutrapport) nr \d+/ }).waitFor();
}

/** Writes the lead summary of the open report and sends the report for review; its address. */
export async function writeLeadAndSubmit(page: Page, summary: string): Promise<string> {
  await page.getByRole('link', { name: 'Sammanfattning', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sammanfattning' }).waitFor();
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(summary);
  await page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await page.getByText(/Avsnittet är sparat/).waitFor();
  await page.getByRole('link', { name: 'Alla avsnitt' }).first().click();
  await page.getByRole('button', { name: /^Skicka för granskning/ }).click();
  await page.getByText('Rapporten är skickad för granskning.').waitFor();
  return page.url();
}

/**
 * Approves and publishes the report at `reportUrl`, then opens its published page (which loads
 * its chart script late, so only the document is awaited); the address of that page.
 */
export async function approveAndPublish(page: Page, reportUrl: string): Promise<string> {
  await page.goto(reportUrl);
  await page.getByRole('button', { name: /^Godkänn rapporten/ }).click();
  await page.getByText('Rapporten är godkänd. Nästa steg är att publicera den.').waitFor();
  await page.getByRole('link', { name: 'Kontrollera och publicera' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kontrollera innan du publicerar' }).waitFor();
  await page.getByRole('button', { name: /^Publicera/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Rapporten är publicerad' }).waitFor();
  const href = await page
    .getByRole('link', { name: 'Öppna den offentliga versionen' })
    .getAttribute('href');
  await page.goto(href!, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  return href!;
}
