// Browser tests: the real server on a fresh demo database, the built web app, and Debian's chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { buildWeb } from '../src/web/build.ts';
import { type RunningServer, adminEmail, startServer } from './server.ts';

export { adminEmail, demoPassword, demoPeople } from './server.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.resolve(import.meta.dirname, '../test-artifacts');
export const desktop = { width: 1366, height: 768 };
export const phone = { width: 375, height: 812 };

export interface E2E {
  server: RunningServer;
  browser: Browser;
  /** A fresh browser profile (cookies, localStorage) at the given viewport. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

let building: Promise<unknown> | null = null;

async function waitForChromium(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!fs.existsSync(chromiumPath)) {
    if (Date.now() > deadline) {
      throw new Error(`${chromiumPath} is missing: install it with apt-get install -y chromium`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** `publicHost`: serve under that host name (e.g. localhost, for WebAuthn) instead of 127.0.0.1. */
export async function startE2E(publicHost?: string): Promise<E2E> {
  building ??= buildWeb({ quiet: true });
  await building;
  await waitForChromium();
  const [server, browser] = await Promise.all([
    startServer(0, publicHost),
    chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }),
  ]);
  return {
    server,
    browser,
    newContext: (viewport = desktop) =>
      browser.newContext({
        baseURL: server.url,
        viewport,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        ...(viewport.width < 600 && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
      }),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The server and browser of a test file: started before its first test and closed after its
 * last. Call it once at the top of the file; the answer is usable inside the tests.
 */
export function useE2E(publicHost?: string): E2E {
  let started: E2E | undefined;
  before(async () => {
    started = await startE2E(publicHost);
  });
  after(async () => {
    await started?.close();
  });
  const current = (): E2E => {
    if (!started) throw new Error('The browser tests have not started: use it inside a test.');
    return started;
  };
  return {
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
    },
    newContext: (viewport) => current().newContext(viewport),
    close: () => current().close(),
  };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Signs in the installation's first admin with its one-time password and sets `newPassword`, as
 * the first sign-in must.
 */
export async function signInFirstAdmin(page: Page, e2e: E2E, newPassword: string): Promise<void> {
  await signIn(page, adminEmail, e2e.server.adminOneTimePassword);
  await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
  await page.getByLabel('Nuvarande lösenord').fill(e2e.server.adminOneTimePassword);
  await page.getByLabel('Nytt lösenord').fill(newPassword);
  await page.getByLabel('Upprepa det nya lösenordet').fill(newPassword);
  await page.getByRole('button', { name: 'Spara lösenord' }).click();
  await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
}

const failingImpacts = new Set(['moderate', 'serious', 'critical']);

/** axe-core on the page as it is: no moderate, serious or critical violations allowed. */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((violation) =>
    failingImpacts.has(violation.impact ?? ''),
  );
  assert.deepEqual(
    severe.map((violation) => ({
      screen,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    })),
    [],
    `${screen}: axe found moderate, serious or critical violations`,
  );
}

/** Collects uncaught page errors and CSP violations; the test asserts the list stays empty. */
export function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}
