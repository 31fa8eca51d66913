// The feeds screen: axe-core on it (also on a phone), an admin adds a figure source (an address
// that is not http is refused beside the field), subscribes a webhook (the secret shown once),
// and after a readiness change the receiver could not take, sees the attempt and retries it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliverDueWebhooks, enqueueWebhookDeliveries } from '../src/server/feeds/webhooks.ts';
import { systemActor } from '../src/server/http/actor.ts';
import { findLatestChange } from '../src/server/readiness/repository.ts';
import { setReadiness } from '../src/server/readiness/service.ts';
import {
  adminEmail,
  assertAccessible,
  phone,
  screenshot,
  signIn,
  signInFirstAdmin,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();
const adminPassword = 'Stabschefens-nya-lösen-2024';

/** A readiness change that the webhook worker then fails to deliver (nothing listens on port 9). */
async function failedDelivery() {
  const { db } = e2e.server.database;
  const eventId = e2e.server.eventId;
  const current = await findLatestChange(db, eventId, null, true);
  await setReadiness(db, systemActor, eventId, null, {
    version: current?.version ?? 0,
    level: current?.level === 'katastrofläge' ? 'stabsläge' : 'katastrofläge',
    reason: 'Journalsystemet står still på två sjukhus.',
    internal: false,
  });
  await enqueueWebhookDeliveries(db, { settleMs: 0 });
  await deliverDueWebhooks(e2e.server.database, { timeoutMs: 2000 });
}

test('an admin adds a figure source and a webhook, and retries a failed delivery', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, adminPassword);

  await page.goto(`/events/${e2e.server.eventId}/admin/feeds`);
  await page.getByRole('heading', { level: 1, name: 'Flöden' }).waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await assertAccessible(page, 'admin-feeds');

  const sourceForm = page.locator('#source-form');
  await sourceForm.getByLabel('Namn').fill('Datalagret, beläggning');
  await sourceForm.getByLabel('Adress').fill('file:///etc/passwd');
  await sourceForm.getByRole('button', { name: 'Spara källan' }).click();
  await sourceForm
    .locator('.field-error')
    .getByText('Ange en adress som börjar med http:// eller https://.')
    .waitFor();
  await sourceForm.getByLabel('Adress').fill('http://127.0.0.1:9/belaggning.csv');
  await sourceForm.getByRole('button', { name: 'Spara källan' }).click();
  await page.getByText('Datalagret, beläggning är sparad.').waitFor();
  await page.locator('tbody tr', { hasText: 'Datalagret, beläggning' }).waitFor();

  const webhookForm = page.locator('#webhook-form');
  await webhookForm.getByLabel('Namn').fill('Kommunernas lägesbild');
  await webhookForm.getByLabel('Mottagarens adress').fill('http://127.0.0.1:9/lagesbild');
  await webhookForm.getByRole('button', { name: 'Spara webhooken' }).click();
  const secret = page.getByTestId('webhook-secret');
  await secret.waitFor();
  assert.match(await secret.innerText(), /^whsec_/);
  await assertAccessible(page, 'admin-feeds with the webhook secret');
  await page.getByRole('button', { name: 'Jag har sparat hemligheten' }).click();
  assert.equal(await secret.count(), 0, 'the secret is shown once');

  await failedDelivery();
  await page.getByRole('button', { name: 'Visa leveranser Kommunernas lägesbild' }).click();
  const row = page.locator('tbody tr', { hasText: 'Beredskapsläge ändrat' });
  await row.getByText('Väntar').waitFor();
  await row.getByText('1 / 6').waitFor();
  await screenshot(page, 'admin-feeds-deliveries-desktop');
  await assertAccessible(page, 'admin-feeds with the delivery log');
  await row.getByRole('button', { name: 'Försök igen nu' }).click();
  await row.getByText('Väntar').waitFor();

  assert.deepEqual(problems, []);
  await context.close();
});

test('the feeds screen is accessible on a phone', async () => {
  const context = await e2e.newContext(phone);
  const page = await context.newPage();
  await signIn(page, adminEmail, adminPassword);
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
  await page.goto(`/events/${e2e.server.eventId}/admin/feeds`);
  await page.getByRole('heading', { level: 1, name: 'Flöden' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
  await screenshot(page, 'admin-feeds-phone');
  await assertAccessible(page, 'feeds (phone)');
  await context.close();
});
