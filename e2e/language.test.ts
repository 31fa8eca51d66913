// The words of a screen loaded on demand arrive with it: in Swedish and in English, on its first
// render and after a switch of language while it is open, the screen never shows a key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoPassword, demoPeople, signIn, useE2E, watchErrors } from './support.ts';

const e2e = useE2E();

test('a screen loaded on demand shows its words, never its keys, in both languages', async () => {
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext();
  context.setDefaultTimeout(30_000);
  // Every text the page ever shows that looks like a translation key (i18next shows a missing
  // word as its key, e.g. "meetings.list.title").
  await context.addInitScript(() => {
    const keysShown: string[] = [];
    Object.assign(window, { keysShown });
    const keyPattern =
      /\b(?:app|events|dashboard|picture|meetings|admin|a11y|reports|closing|nextSteps|alerts|search|mfa|tokens|sso)\.[a-zA-Z]+/g;
    new MutationObserver(() => {
      keysShown.push(...(document.body?.innerText.match(keyPattern) ?? []));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  const problems = watchErrors(page);
  const heading = page.getByRole('heading', { level: 1 });
  const keysShown = () =>
    page.evaluate(() => (window as unknown as { keysShown: string[] }).keysShown);

  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}/log`);
  await heading.filter({ hasText: 'Loggbok' }).waitFor();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await heading.filter({ hasText: 'Log book' }).waitFor();
  await page.getByRole('link', { name: 'Meetings', exact: true }).click();
  await heading.filter({ hasText: 'Meetings' }).waitFor();

  await page.getByRole('button', { name: 'Byt till svenska' }).click();
  await heading.filter({ hasText: 'Möten' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  assert.deepEqual(await keysShown(), []);

  await page.evaluate(() => localStorage.setItem('lagesbild.language', 'en'));
  await page.reload();
  await heading.filter({ hasText: 'Meetings' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('link', { name: 'Log book', exact: true }).click();
  await heading.filter({ hasText: 'Log book' }).waitFor();

  assert.deepEqual(await keysShown(), []);
  assert.deepEqual(problems, []);
  await context.close();
});
