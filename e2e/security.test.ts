// No payload runs in a browser: hostile text in the event's name, log entries, decisions, a unit's
// situation and a published report is shown in chromium; no dialog opens, no script runs, and
// the Content-Security-Policy reports no violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { periodOf } from '../src/core/time.ts';
import { xssPayloads } from '../test/security/support.ts';
import { adminEmail, demoPassword, demoPeople, signIn, useE2E } from './support.ts';

const e2e = useE2E();
const adminPassword = 'Säkerhetstestets-lösen-2024';

/** A signed-in API client on the e2e server (in-process requests). */
async function api(email: string, password: string) {
  const app = e2e.server.app;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = login.cookies.find((candidate) => candidate.name === 'lagesbild_session')!;
  const headers = {
    cookie: `${cookie.name}=${cookie.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };
  return async (method: string, url: string, payload?: object) => {
    const response = await app.inject({
      method: method as 'POST',
      url,
      headers,
      ...(payload && { payload }),
    });
    assert.ok(
      response.statusCode < 300,
      `${method} ${url}: ${response.statusCode} ${response.body}`,
    );
    return response.json();
  };
}

/** Fails on any dialog, and flags a global the payloads would set if they ran. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

test('no hostile payload runs in the browser', async () => {
  const eventId = e2e.server.eventId;
  const base = `/api/events/${eventId}`;
  // The admin changes the one-time password first.
  const first = await api(adminEmail, e2e.server.adminOneTimePassword);
  await first('POST', '/api/auth/password', {
    currentPassword: e2e.server.adminOneTimePassword,
    newPassword: adminPassword,
  });
  const admin = await api(adminEmail, adminPassword);
  const staff = await api(demoPeople.staff, demoPassword);
  const approver = await api(demoPeople.approver, demoPassword);
  const now = new Date().toISOString();

  const event = await admin('GET', base);
  await admin('PATCH', base, {
    version: event.version,
    name: `Storm <img src=x onerror=alert("namn")>`,
    description: xssPayloads.join('\n'),
  });
  for (const payload of xssPayloads) {
    await staff('POST', `${base}/log`, { occurredAt: now, text: payload, significant: true });
  }
  for (const payload of xssPayloads.slice(0, 10)) {
    await staff('POST', `${base}/decisions`, { decidedAt: now, forum: 'Stab', text: payload });
  }
  const units = (await admin('GET', '/api/units')).items as { id: number; code: string }[];
  const nh = units.find((unit) => unit.code === 'NH')!.id;
  const period = periodOf(new Date(), 'week').key;
  await admin('PUT', `${base}/units/${nh}/situations/${period}`, {
    overallStatus: 'red',
    prognosis: 'worsening',
    bullets: xssPayloads.map((payload) => `- ${payload}`).join('\n'),
  });

  const started = await staff('POST', `${base}/reports`, { kind: 'extra' });
  const draft = await staff('GET', `${base}/reports/${started.id}`);
  for (const section of draft.sections.filter((s: { kind: string }) => s.kind === 'text')) {
    await staff('PUT', `${base}/reports/${draft.id}/sections/${section.id}`, {
      version: section.version,
      text: xssPayloads.join('\n\n'),
    });
  }
  const submitted = await staff('POST', `${base}/reports/${draft.id}/submit`, {
    version: (await staff('GET', `${base}/reports/${draft.id}`)).version,
  });
  const approved = await approver('POST', `${base}/reports/${draft.id}/approve`, {
    version: submitted.version,
  });
  const published = await approver('POST', `${base}/reports/${draft.id}/publish`, {
    version: approved.version,
  });

  const context = await e2e.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });

  // The published report, without signing in: the payloads are shown as text.
  await page.goto(`/r/${eventId}/${published.number}`);
  await page.getByText('<script>alert(1)</script>', { exact: true }).first().waitFor();
  await page.waitForLoadState('networkidle');

  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}`);
  await page.getByRole('heading', { level: 1, name: /Storm/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.goto(`/events/${eventId}/report?unit=${nh}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.goto(`/r/${eventId}/${published.number}/intern`);
  await page.getByText('<script>alert(1)</script>', { exact: true }).first().waitFor();
  await page.waitForLoadState('networkidle');

  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0);
  // Inline handlers blocked by the CSP would show up here; none should even be in the markup.
  assert.deepEqual(violations, []);
  await context.close();
});
