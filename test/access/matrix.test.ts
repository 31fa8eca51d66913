import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/core/access.ts';
import { type DeclaredRoute, declaredRoutes } from '../../src/server/http/guard.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { loadRouteCases } from './load-cases.ts';
import type { RouteCases, Who } from './types.ts';

interface Subject {
  name: string;
  role: Role | 'system_admin' | 'outsider' | 'anonymous';
  client: Client;
}

const missingId = '999999';

/** Routes the docs plugin serves are static pages, not application routes. */
function applicationRoutes(t: TestApp): DeclaredRoute[] {
  return declaredRoutes(t.app).filter((route) => !route.url.startsWith('/api/docs'));
}

for (const dialect of testDialects()) {
  describe(`authorisation matrix on ${dialect}`, () => {
    let t: TestApp;
    let cases: RouteCases;
    let subjects: Subject[];
    let ownUnit: number;
    let otherUnit: number;

    before(async () => {
      t = await startTestApp(dialect);
      cases = await loadRouteCases();
      const admin = await t.login(adminEmail);
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      ownUnit = units.find((unit) => unit.code === 'SÄS')!.id;
      otherUnit = units.find((unit) => unit.code === 'NH')!.id;
      const eventAdmin = await createUser(admin, 'handelse.admin@lagesbild.local');
      await admin.post(`/api/events/${t.eventId}/grants`, { userId: eventAdmin, role: 'admin' });
      await createUser(admin, 'utanfor@lagesbild.local');
      const designer = await createUser(admin, 'mallredaktor@lagesbild.local');
      await admin.post(`/api/events/${t.eventId}/grants`, { userId: designer, role: 'designer' });
      subjects = [
        { name: 'system admin', role: 'system_admin', client: admin },
        {
          name: 'event admin',
          role: 'admin',
          client: await t.login('handelse.admin@lagesbild.local', password),
        },
        { name: 'staff', role: 'staff', client: await t.login(demoPeople.staff) },
        {
          name: 'unit reporter (SÄS)',
          role: 'unit_reporter',
          client: await t.login(demoPeople.reporterSas),
        },
        {
          name: 'communicator',
          role: 'communicator',
          client: await t.login(demoPeople.communicator),
        },
        { name: 'approver', role: 'approver', client: await t.login(demoPeople.approver) },
        { name: 'reader', role: 'reader', client: await t.login(demoPeople.reader) },
        {
          name: 'designer',
          role: 'designer',
          client: await t.login('mallredaktor@lagesbild.local', password),
        },
        {
          name: 'user without grant',
          role: 'outsider',
          client: await t.login('utanfor@lagesbild.local', password),
        },
        { name: 'anonymous', role: 'anonymous', client: t.anonymous() },
      ];
    });
    after(() => t.close());

    it('has a case for every route and a route for every case', () => {
      const declared = applicationRoutes(t).map((route) => `${route.method} ${route.url}`);
      const missing = declared.filter((key) => !cases[key]);
      assert.deepEqual(missing, [], 'routes without an entry in test/access/cases');
      const stale = Object.keys(cases).filter((key) => !declared.includes(key));
      assert.deepEqual(stale, [], 'cases for routes that do not exist');
    });

    it('allows and denies every route for every role as its case says', async () => {
      const routes = applicationRoutes(t).sort((a, b) => Number(isLogout(a)) - Number(isLogout(b)));
      const failures: string[] = [];
      for (const route of routes) {
        const { who, streaming } = cases[`${route.method} ${route.url}`]!;
        for (const subject of subjects) {
          for (const unit of unitVariants(route)) {
            const expected = expectation(who, subject.role, unit === 'own');
            const url = fillParams(route.url, unit === 'other' ? otherUnit : ownUnit);
            const pending = subject.client.request(
              route.method,
              url,
              route.method === 'GET' ? undefined : {},
            );
            const response = streaming
              ? await Promise.race([pending, streamKeptOpen()])
              : await pending;
            const outcome = response ? classify(response.statusCode, response.body) : 'allowed';
            if (outcome !== expected) {
              failures.push(
                `${route.method} ${url} as ${subject.name}${unit ? ` (${unit} unit)` : ''}: expected ${expected}, got ${response?.statusCode ?? 'an open stream'} ${response?.body.slice(0, 120) ?? ''}`,
              );
            }
          }
        }
      }
      assert.deepEqual(failures, []);
    });

    function fillParams(url: string, unitId: number): string {
      return url
        .replace(':eventId', String(t.eventId))
        .replace(':unitId', String(unitId))
        .replace(/:[A-Za-z]+/g, missingId);
    }
  });
}

const password = 'Ett-testlösenord-för-matrisen';

async function createUser(admin: Client, email: string): Promise<number> {
  const response = await admin.post('/api/users', { email, name: email.split('@')[0], password });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id;
}

function streamKeptOpen(): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), 300));
}

function isLogout(route: DeclaredRoute): boolean {
  return route.url === '/api/auth/logout';
}

function unitVariants(route: DeclaredRoute): (null | 'own' | 'other')[] {
  return route.access.kind === 'event' && route.access.unitParam ? ['own', 'other'] : [null];
}

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';

function expectation(who: Who, role: Subject['role'], ownUnit: boolean): Outcome {
  if (who === 'anyone') return 'allowed';
  if (role === 'anonymous' || who === 'scraper') return 'unauthenticated';
  if (who === 'signed_in') return 'allowed';
  if (who === 'system_admin') return role === 'system_admin' ? 'allowed' : 'forbidden';
  if (role === 'outsider') return 'hidden';
  const effectiveRole: Role = role === 'system_admin' ? 'admin' : role;
  if (who.roles.includes(effectiveRole)) return 'allowed';
  if (ownUnit && who.ownUnitRoles?.includes(effectiveRole)) return 'allowed';
  return 'forbidden';
}

function classify(status: number, body: string): Outcome {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404 && body.includes('Händelsen finns inte')) return 'hidden';
  return 'allowed';
}
