// Reflow: at a laptop's 1280 px and at 320 px (the same page at 400 % zoom), no button, link,
// field or table cell of the main screens is cut off by the window or by a box around it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  demoPassword,
  demoPeople,
  screenshot,
  signIn,
  signInFirstAdmin,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

const mainScreens = (eventId: number): [path: string, heading: RegExp][] => [
  ['/', /^Händelser$/],
  [`/events/${eventId}`, /Millennium 2024/],
  [`/events/${eventId}/report?unit=2`, /Lägesbild för Närhälsan/],
  [`/events/${eventId}/readiness`, /Beredskap/],
  [`/events/${eventId}/input-requests`, /Begäran om lägesbild/],
  [`/events/${eventId}/log`, /Loggbok/],
  [`/events/${eventId}/decisions`, /Beslut/],
  [`/events/${eventId}/milestones`, /Milstolpar/],
  [`/events/${eventId}/actions`, /Åtgärder/],
  [`/events/${eventId}/meetings`, /Möten/],
  [`/events/${eventId}/risks`, /Risker/],
  [`/events/${eventId}/diversions`, /Omstyrning/],
  [`/events/${eventId}/figures`, /Nyckeltal/],
  [`/events/${eventId}/communication`, /Kommunikation/],
  [`/events/${eventId}/reports`, /Rapporter/],
];

/** The screens the main walk leaves out: the administration, the account and the event's other parts. */
const otherScreens = (eventId: number): [path: string, heading: RegExp][] => [
  ['/admin', /./],
  ['/admin/users', /./],
  ['/admin/units', /./],
  ['/admin/setups', /./],
  ['/admin/audit', /./],
  ['/admin/second-factor', /./],
  ['/admin/sso', /./],
  ['/alerts', /./],
  ['/api-tokens', /./],
  ['/tillganglighet', /./],
  [`/events/${eventId}/admin`, /./],
  [`/events/${eventId}/admin/event`, /./],
  [`/events/${eventId}/admin/settings`, /./],
  [`/events/${eventId}/admin/units`, /./],
  [`/events/${eventId}/admin/scales`, /./],
  [`/events/${eventId}/admin/form`, /./],
  [`/events/${eventId}/admin/access`, /./],
  [`/events/${eventId}/admin/templates`, /./],
  [`/events/${eventId}/admin/distribution`, /./],
  [`/events/${eventId}/admin/feeds`, /./],
  [`/events/${eventId}/admin/outbox`, /./],
  [`/events/${eventId}/admin/audit`, /./],
  [`/events/${eventId}/archive`, /./],
  [`/events/${eventId}/calendar`, /./],
  [`/events/${eventId}/forums`, /./],
  [`/events/${eventId}/documents`, /./],
  [`/events/${eventId}/review`, /./],
  [`/events/${eventId}/search`, /./],
  [`/events/${eventId}/close`, /./],
];

/**
 * The buttons, links, fields and cells in the page's main part that stick out of the window or
 * out of a box that clips them. A table that scrolls sideways by itself (its frame takes focus, so
 * a keyboard scrolls it too) may hold cells beyond its edge, but never a button, link or field.
 */
function clippedElements(page: Page): Promise<string[]> {
  // No helper functions inside: the page runs this code as it is, without the test's bundler.
  return page.evaluate(() => {
    const windowWidth = document.documentElement.clientWidth;
    const found: string[] = [];
    const candidates = document.querySelectorAll<HTMLElement>(
      'main button, main a, main input, main select, main textarea, main td, main th',
    );
    for (const element of candidates) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || element.closest('.visually-hidden')) continue;
      // Table headings that a narrow screen hides (and reads out) are hidden on purpose.
      const head = element.closest('thead');
      if (head && getComputedStyle(head).clipPath !== 'none') continue;
      const cell = element.matches('td, th');
      let cut = false;
      let reachable = false;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'visible') continue;
        // A data table that scrolls sideways by itself (its frame takes focus) may hold cells
        // beyond its edge.
        if (cell && parent.matches('.table-wrap[tabindex="0"]')) {
          reachable = parent.scrollWidth > parent.clientWidth;
          if (reachable) break;
        }
        const frame = parent.getBoundingClientRect();
        cut = box.left < frame.left - 0.5 || box.right > frame.right + 0.5;
        if (cut) break;
      }
      cut ||= !reachable && (box.left < -0.5 || box.right > windowWidth + 0.5);
      if (cut) {
        const text = (element.textContent ?? '').trim().slice(0, 40);
        const id = element.id ? `#${element.id}` : '';
        found.push(`${element.tagName.toLowerCase()}${id} "${text}"`);
      }
    }
    return found;
  });
}

/** What is cut off on each screen, with a screenshot of the screens named in `pictured`. */
async function cutOffOn(
  page: Page,
  screens: [path: string, heading: RegExp][],
  pictured: (path: string) => string | null,
): Promise<string[]> {
  const cut: string[] = [];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 1) cut.push(`${path}: the page scrolls sideways by ${overflow} px`);
    cut.push(...(await clippedElements(page)).map((element) => `${path}: ${element}`));
    const picture = pictured(path);
    if (picture) await screenshot(page, picture, true);
  }
  return cut;
}

for (const width of [1280, 320]) {
  test(`nothing on the main screens is cut off at ${width} px`, async () => {
    const context = await e2e.newContext({ width, height: 800 });
    const page = await context.newPage();
    const problems = watchErrors(page);
    await signIn(page, demoPeople.staff, demoPassword);
    const cut = await cutOffOn(page, mainScreens(e2e.server.eventId), (path) =>
      path.endsWith('/risks') || path.endsWith('/diversions')
        ? `reflow${path.slice(path.lastIndexOf('/'))}-${width}`
        : null,
    );
    assert.deepEqual(cut, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('nothing on the admin and the remaining screens is cut off at 320 px', async () => {
  const context = await e2e.newContext({ width: 320, height: 800 });
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, 'Omflödets-egna-lösenord-2026');
  const cut = await cutOffOn(page, otherScreens(e2e.server.eventId), () => null);
  assert.deepEqual(cut, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 320 px each stacked cell shows its column heading, which screen readers hear once', async () => {
  const context = await e2e.newContext({ width: 320, height: 800 });
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${e2e.server.eventId}/risks`);
  await page.getByRole('heading', { level: 1, name: /Risker/ }).waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  const row = page.locator('.table-wrap > .table--dense tbody tr').first();
  const cells = await row.locator('td').evaluateAll((tds) =>
    tds.map((td) => {
      const before = getComputedStyle(td, '::before');
      const shown = before.display !== 'none' && before.visibility === 'visible';
      return { label: td.getAttribute('data-label'), shown, content: before.content };
    }),
  );
  assert.deepEqual(
    cells.map((cell) => cell.label),
    ['S × K', 'Risknivå', 'Utveckling', 'Ansvarig', null],
  );
  for (const cell of cells.slice(0, 4)) {
    assert.ok(cell.shown, `${cell.label} is shown`);
    assert.equal(cell.content, `"${cell.label}: " / ""`);
  }
  assert.doesNotMatch(await row.ariaSnapshot(), /S × K|Risknivå|Utveckling|Ansvarig/);
  assert.deepEqual(problems, []);
  await context.close();
});
