// Property-based fuzzing of every route (fast-check): arbitrary JSON bodies, bodies with hostile
// strings, unknown fields, arbitrary path parameters and query strings. Never a 5xx; malformed JSON
// is a 400, an oversize body a 413, an unknown field a 400; a rejected request writes nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { declaredRoutes } from '../../src/server/http/guard.ts';
import { loadRouteCases } from '../access/load-cases.ts';
import type { AuditContext, RouteCases, WriteRequest } from '../access/types.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { changedTables, fingerprint, longTests, summaryFile } from './support.ts';

/** Runs per property and route; LAGESBILD_LONG_TESTS=1 multiplies them by 25. */
const scale = longTests ? 25 : 1;
const runs = { arbitrary: 4 * scale, strings: 4 * scale, unknown: 1 * scale, params: 2 * scale };
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let fuzzCases = 0;

/** A string of any UTF-16 code units: NUL, lone surrogates, control and format characters. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202e', '', ' ', '\r\n', '%00'),
  fc.string({ maxLength: 3000 }),
);

/** A JSON value with awkward numbers and strings in it. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.constantFrom(null, 0, -1, 1e308, '', [], {}, { __proto__: { admin: true } }),
);

interface Context extends AuditContext {
  admin: Client;
}

for (const dialect of testDialects()) {
  describe(`fuzzing every route on ${dialect}`, () => {
    let t: TestApp;
    let cases: RouteCases;
    let context: Context;
    let bodied: Set<string>;

    /** Write cases are not repeatable in one database: each test that uses them gets its own. */
    async function freshApp() {
      if (t) await t.close();
      t = await startTestApp(dialect);
      const admin = await t.login(adminEmail);
      const sessions: Record<string, Promise<Client>> = { [adminEmail]: Promise.resolve(admin) };
      context = {
        admin,
        t,
        // Signing in hashes a password (slow by design): one session per person will do.
        as: (email) => (sessions[email] ??= t.login(email)),
        unitId: async (code) =>
          (await admin.get('/api/units'))
            .json()
            .items.find((u: { code: string }) => u.code === code).id,
        facilityId: async (code) =>
          (await admin.get('/api/facilities'))
            .json()
            .items.find((f: { code: string }) => f.code === code).id,
        userId: async (email) =>
          (await admin.get('/api/users'))
            .json()
            .items.find((u: { email: string }) => u.email === email).id,
      };
      bodied = routesWithBodySchema(t);
    }

    before(async () => {
      cases = await loadRouteCases();
    });
    after(() => {
      console.log(`# fuzz cases so far (through ${dialect}): ${fuzzCases}`);
      // For the crash suite's summary line.
      fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
      fs.writeFileSync(summaryFile, JSON.stringify({ fuzzCases }));
      return t?.close();
    });

    /** Write routes; the sign-in routes last, since their failures slow later sign-ins. */
    const writeRoutes = () =>
      declaredRoutes(t.app)
        .filter((route) => writeMethods.has(route.method) && route.url !== '/api/auth/logout')
        .sort((a, b) => Number(isAuthRoute(a.url)) - Number(isAuthRoute(b.url)));

    /** Sends one request; a 5xx, or a rejected request that changed stored data, is a failure. */
    async function probe(
      request: WriteRequest,
      body: unknown,
      raw?: { payload: string; contentType: string },
    ) {
      fuzzCases += 1;
      const before = await fingerprint(t);
      const sent =
        raw ??
        (body === undefined
          ? undefined
          : { payload: JSON.stringify(body), contentType: 'application/json' });
      const response = await t.app.inject({
        method: request.method,
        url: request.url,
        ...(sent && { payload: sent.payload }),
        headers: {
          ...(sent && { 'content-type': sent.contentType }),
          ...(request.client.cookie && { cookie: request.client.cookie }),
          ...(request.client.csrfToken && { 'x-csrf-token': request.client.csrfToken }),
        },
      });
      const what = `${request.method} ${request.url} with ${(sent?.payload ?? '').slice(0, 300)}`;
      assert.ok(response.statusCode < 500, `${what}: ${response.statusCode} ${response.body}`);
      if (response.statusCode >= 400) {
        const changed = changedTables(before, await fingerprint(t));
        assert.deepEqual(
          changed,
          [],
          `${what} was refused (${response.statusCode}) but changed ${changed.join(', ')}`,
        );
      }
      return response;
    }

    it('never answers arbitrary JSON or hostile strings with a 5xx, rejects unknown fields, and writes nothing when refusing', async () => {
      await freshApp();
      const unknownTaken: string[] = [];
      for (const route of writeRoutes()) {
        const key = `${route.method} ${route.url}`;
        const write = cases[key]?.write;
        assert.ok(write, `${key} has no write case in test/access/cases`);
        const request = await write(context);
        if (route.method !== 'DELETE') {
          await fc.assert(
            fc.asyncProperty(anyJson, async (body) => {
              await probe(request, body);
            }),
            { numRuns: runs.arbitrary },
          );
        }
        if (bodied.has(key)) {
          const valid = isPlainObject(request.body) ? request.body : {};
          await fc.assert(
            fc.asyncProperty(
              fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !(name in valid)),
              fc.jsonValue({ maxDepth: 1 }),
              async (name, value) => {
                const response = await probe(request, { ...valid, [name]: value });
                if (response.statusCode !== 400)
                  unknownTaken.push(
                    `${key} took unknown field ${JSON.stringify(name)}: ${response.statusCode}`,
                  );
              },
            ),
            { numRuns: runs.unknown },
          );
          // Prototype tricks are unknown fields too.
          const polluted = await probe(
            request,
            JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'),
          );
          if (polluted.statusCode !== 400)
            unknownTaken.push(`${key} took __proto__: ${polluted.statusCode}`);
        }
        if (isPlainObject(request.body) && leafPaths(request.body).length > 0) {
          const valid = request.body;
          await fc.assert(
            fc.asyncProperty(
              fc.constantFrom(...leafPaths(valid)),
              anyString,
              async (path, value) => {
                await probe(request, replaceAt(valid, path, value));
              },
            ),
            { numRuns: runs.strings },
          );
        }
      }
      assert.deepEqual(unknownTaken, []);
      assert.equal(({} as { isAdmin?: boolean }).isAdmin, undefined, 'Object.prototype polluted');
    });

    it('answers malformed JSON with 400 and an oversize body with 413', async () => {
      const malformed = ['{', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '\u0000', ''];
      const failures: string[] = [];
      for (const route of writeRoutes()) {
        if (route.method === 'DELETE') continue;
        const request: WriteRequest = {
          client: context.admin,
          method: route.method as WriteRequest['method'],
          url: fillParams(route.url, t.eventId),
        };
        for (const payload of malformed) {
          const response = await probe(request, undefined, {
            payload,
            contentType: 'application/json',
          });
          if (response.statusCode !== 400)
            failures.push(
              `${route.method} ${route.url} with ${JSON.stringify(payload)}: ${response.statusCode}`,
            );
        }
        const huge = JSON.stringify({ text: 'x'.repeat(1_048_577) });
        const oversize = await probe(request, undefined, {
          payload: huge,
          contentType: 'application/json',
        });
        if (oversize.statusCode !== 413)
          failures.push(`${route.method} ${route.url} oversize: ${oversize.statusCode}`);
        const wrongType = await probe(request, undefined, {
          payload: 'text=hej',
          contentType: 'application/x-www-form-urlencoded',
        });
        if (wrongType.statusCode !== 415)
          failures.push(`${route.method} ${route.url} form body: ${wrongType.statusCode}`);
      }
      assert.deepEqual(failures, []);
    });

    it('never answers arbitrary path parameters or query strings with a 5xx', async () => {
      const routes = declaredRoutes(t.app).filter(
        (route) =>
          !route.url.startsWith('/api/docs') &&
          !route.url.endsWith('/stream') &&
          route.url !== '/api/auth/logout',
      );
      for (const route of routes) {
        const request: WriteRequest = {
          client: context.admin,
          method: route.method as WriteRequest['method'],
          url: route.url,
        };
        await fc.assert(
          fc.asyncProperty(
            anyString,
            fc.dictionary(fc.string({ maxLength: 10 }), anyString, { maxKeys: 3 }),
            async (param, query) => {
              const url = route.url
                .replace(':eventId', String(t.eventId))
                .replace(/:[A-Za-z]+|\*/g, () => encodeURIComponent(wellFormed(param)));
              const search = new URLSearchParams(query).toString();
              await probe(
                { ...request, url: search ? `${url}?${search}` : url },
                route.method === 'GET' ? undefined : {},
              );
            },
          ),
          { numRuns: runs.params },
        );
      }
    });
  });
}

function routesWithBodySchema(t: TestApp): Set<string> {
  const spec = t.app.swagger() as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  const keys = new Set<string>();
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (operation.requestBody)
        keys.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return keys;
}

/** A URL cannot carry a lone surrogate: a browser sends U+FFFD instead, and so does this. */
function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

function isAuthRoute(url: string): boolean {
  return url.startsWith('/api/auth/') || url.includes('password');
}

function fillParams(url: string, eventId: number): string {
  return url.replace(':eventId', String(eventId)).replace(/:[A-Za-z]+/g, '999999');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Path = (string | number)[];

/** The paths of every string, number and boolean in a JSON value. */
function leafPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => leafPaths(item, [...path, index]));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]));
  return path.length > 0 ? [path] : [];
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], rest, replacement) };
}
