import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildExamples, exampleFiles } from '../../src/server/exchange/examples.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const xsdFolder = new URL('../../src/server/exchange/xsd/', import.meta.url);
const sitRepXsd = new URL('edxl-sitrep.xsd', xsdFolder).pathname;
const haveXsd = new URL('edxl-have.xsd', xsdFolder).pathname;

/** Runs Debian's xmllint against one of our XSDs; the error text says what is wrong. */
function validate(xml: string, xsd: string): { valid: boolean; errors: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-xsd-'));
  const file = path.join(folder, 'document.xml');
  fs.writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  fs.rmSync(folder, { recursive: true, force: true });
  if (result.error) throw result.error;
  return { valid: result.status === 0, errors: result.stderr };
}

function assertValid(xml: string, xsd: string): void {
  const { valid, errors } = validate(xml, xsd);
  assert.ok(valid, errors);
}

/** The text of the first element with this (prefixed) name. */
function textOf(xml: string, element: string): string | undefined {
  return new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`).exec(xml)?.[1];
}

function hospitalBlock(xml: string, facilityName: string): string {
  const block = xml
    .split('<have:Hospital>')
    .find((part) => part.includes(`<xnl:SubDivisionName>${facilityName}<`));
  assert.ok(block, `no hospital ${facilityName} in ${xml}`);
  return block;
}

interface MeasureEntry {
  resource: {
    resourceType: string;
    id: string;
    status?: string;
    type?: string;
    subject?: { reference: string; identifier: { value: string } };
    period?: { start: string; end: string };
    group?: {
      code: { coding: { code: string }[] };
      population?: { code: { coding: { code: string }[] }; count: number }[];
      measureScore: { value: number; unit: string };
    }[];
  };
  search: { mode: string };
}

function groupOf(entry: MeasureEntry, code: string) {
  return entry.resource.group!.find((group) => group.code.coding[0]!.code === code);
}

for (const dialect of testDialects()) {
  describe(`exchange formats on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    let reader: Client;
    let facilities: Map<string, number>;
    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
      reader = await t.login(demoPeople.reader);
      const listed = (await staff.get('/api/facilities')).json();
      facilities = new Map(
        (listed.items as { id: number; code: string }[]).map((item) => [item.code, item.id]),
      );
    });
    after(() => t.close());

    const events = () => `/api/events/${t.eventId}`;

    it('keeps the example files in docs/formats current with the demo and valid', async () => {
      const examples = await buildExamples(t.database.db, t.eventId);
      for (const [name, file] of Object.entries(exampleFiles)) {
        const stored = fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
        assert.equal(
          stored,
          examples[name as keyof typeof exampleFiles],
          `${file} is stale: run npx tsx scripts/exchange-examples.ts`,
        );
      }
      assertValid(examples.sitRep, sitRepXsd);
      assertValid(examples.have, haveXsd);
    });

    it('exports a published report as a valid EDXL-SitRep from its public snapshot', async () => {
      const response = await t.anonymous().get(`/r/${t.eventId}/1/sitrep.xml`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
      const xml = response.body;
      assertValid(xml, sitRepXsd);
      assert.equal(textOf(xml, 'sr:reportNumber'), '1');
      assert.equal(textOf(xml, 'sr:reportVersion'), 'Initial');
      assert.equal(textOf(xml, 'ct:fromDateTime'), '2024-10-28T07:00:00+00:00');
      assert.equal(textOf(xml, 'ct:toDateTime'), '2024-11-05T16:30:00+00:00');
      assert.equal(textOf(xml, 'sr:severity'), 'Moderate');
      assert.deepEqual(
        [...xml.matchAll(/<sr:incidentID>([^<]+)</g)].map((match) => match[1]),
        [`lagesbild:handelse:${t.eventId}`, 'Millennium 2024'],
      );
      assert.match(textOf(xml, 'sr:remarks')!, /^Den regionala särskilda organisationen stöttar/);
      assert.match(xml, /<sr:report xsi:type="sr:ManagementReportingSummaryType">/);
      const [prepared, authorized] = [...xml.matchAll(/<xnl:nameElement>([^<]+)</g)].map(
        (match) => match[1],
      );
      assert.deepEqual([prepared, authorized], ['Elin Bergström', 'Anders Wik']);
      assert.match(xml, /xpil:type="Role">Godkännare</);

      const closing = await t.anonymous().get(`/r/${t.eventId}/2/sitrep.xml`);
      assert.equal(textOf(closing.body, 'sr:reportVersion'), 'Final');
      assert.equal((await t.anonymous().get(`/r/${t.eventId}/9/sitrep.xml`)).statusCode, 404);
    });

    it('marks a correction as Update and keeps the first publication as Initial', async () => {
      const reports = (await staff.get(`${events()}/reports`)).json().items as {
        id: number;
        number: number;
        state: string;
      }[];
      const first = reports.find((report) => report.number === 1 && report.state === 'published')!;
      const correction = await staff.post(`${events()}/reports/${first.id}/correct`);
      assert.equal(correction.statusCode, 201, correction.body);
      const draft = correction.json() as { id: number; version: number };
      const url = `${events()}/reports/${draft.id}`;
      const submitted = (await staff.post(`${url}/submit`, { version: draft.version })).json();
      const approved = (
        await approver.post(`${url}/approve`, { version: submitted.version })
      ).json();
      const published = await approver.post(`${url}/publish`, { version: approved.version });
      assert.equal(published.statusCode, 200, published.body);

      const latest = (await t.anonymous().get(`/r/${t.eventId}/1/sitrep.xml`)).body;
      assertValid(latest, sitRepXsd);
      assert.equal(textOf(latest, 'sr:reportVersion'), 'Update');
      assert.equal(textOf(latest, 'sr:messageID'), `lagesbild:${t.eventId}:rapport:1:2:public`);
      assert.equal(textOf(latest, 'ct:fromDateTime'), '2024-10-28T07:00:00+00:00');
      const original = (await t.anonymous().get(`/r/${t.eventId}/1/sitrep.xml?version=1`)).body;
      assert.equal(textOf(original, 'sr:reportVersion'), 'Initial');
    });

    it('gives the internal SitRep only to those who may read internal items', async () => {
      const internal = await staff.get(`/r/${t.eventId}/1/intern/sitrep.xml`);
      assert.equal(internal.statusCode, 200);
      assertValid(internal.body, sitRepXsd);
      assert.match(textOf(internal.body, 'sr:messageID')!, /:internal$/);
      assert.equal((await reader.get(`/r/${t.eventId}/1/intern/sitrep.xml`)).statusCode, 403);
      const anonymous = await t.anonymous().get(`/r/${t.eventId}/1/intern/sitrep.xml`);
      assert.equal(anonymous.statusCode, 401);
    });

    it('exports a unit situation as SitRep SituationInformation with the unit’s severity', async () => {
      const listed = (await staff.get(`${events()}/situations?period=2024-W45`)).json().items as {
        id: number;
        unit: { code: string };
      }[];
      const sas = listed.find((situation) => situation.unit.code === 'SÄS')!;
      const response = await reader.get(`${events()}/exchange/situations/${sas.id}/sitrep.xml`);
      assert.equal(response.statusCode, 200, response.body);
      assertValid(response.body, sitRepXsd);
      assert.match(response.body, /xsi:type="sr:SituationInformationType"/);
      assert.equal(textOf(response.body, 'sr:severity'), 'Severe');
      assert.equal(textOf(response.body, 'ct:fromDateTime'), '2024-11-03T23:00:00+00:00');
      assert.equal(textOf(response.body, 'ct:toDateTime'), '2024-11-10T23:00:00+00:00');
    });

    it('hides an internal unit situation from readers', async () => {
      const reporter = await t.login(demoPeople.reporterSas);
      const units = (await staff.get('/api/units')).json().items as { id: number; code: string }[];
      const sas = units.find((unit) => unit.code === 'SÄS')!.id;
      const situationUrl = `${events()}/units/${sas}/situations/2024-W48`;
      const saved = await reporter.request('PUT', situationUrl, {
        overallStatus: 'yellow',
        prognosis: 'unchanged',
        bullets: '- Känslig uppgift om bemanningen på akuten.',
        internal: true,
      });
      assert.equal(saved.statusCode, 201, saved.body);
      const submitted = await reporter.post(`${situationUrl}/submit`, {
        version: saved.json().version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const url = `${events()}/exchange/situations/${saved.json().id}/sitrep.xml`;
      const seenByStaff = await staff.get(url);
      assert.equal(seenByStaff.statusCode, 200);
      assert.match(seenByStaff.body, /Känslig uppgift om bemanningen/);
      const seenByReader = await reader.get(url);
      assert.equal(seenByReader.statusCode, 404);
      assert.doesNotMatch(seenByReader.body, /Känslig/);
    });

    it('exports EDXL-HAVE with the emergency department closed while ambulances are diverted', async () => {
      const before = (await reader.get(`${events()}/exchange/have.xml`)).body;
      assertValid(before, haveXsd);
      assert.equal(
        textOf(hospitalBlock(before, 'Akutmottagningen Borås'), 'have:EMSTrafficStatus'),
        'Normal',
      );
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      const diversion = await staff.post(`${events()}/diversions`, {
        facilityId: facilities.get('SÄS-AKM-BORÅS'),
        categories: ['ambulance'],
        redirectedTo: 'NÄL i Trollhättan',
        startsAt: hourAgo,
      });
      assert.equal(diversion.statusCode, 201, diversion.body);
      const secret = await staff.post(`${events()}/diversions`, {
        facilityId: facilities.get('SÄS-AKM-SKENE'),
        categories: ['walk_in'],
        redirectedTo: 'Vårdcentralen i Kinna enligt intern plan',
        startsAt: hourAgo,
        internal: true,
      });
      assert.equal(secret.statusCode, 201, secret.body);

      const forStaff = (await staff.get(`${events()}/exchange/have.xml`)).body;
      assertValid(forStaff, haveXsd);
      const boras = hospitalBlock(forStaff, 'Akutmottagningen Borås');
      assert.equal(textOf(boras, 'have:EMSTrafficStatus'), 'Closed');
      assert.equal(
        textOf(boras, 'have:EMSTrafficReason'),
        'Ambulanser hänvisas till NÄL i Trollhättan.',
      );
      assert.equal(textOf(boras, 'xnl:NameElement'), 'Södra Älvsborgs Sjukhus');
      assert.equal(textOf(boras, 'have:FacilityStatus'), 'Normal');
      assert.equal(textOf(boras, 'have:LastUpdateTime'), hourAgo);
      assert.equal(
        textOf(hospitalBlock(forStaff, 'Närakuten Skene'), 'have:EMSTrafficStatus'),
        'Advisory',
      );

      const forReader = (await reader.get(`${events()}/exchange/have.xml`)).body;
      assert.equal(
        textOf(hospitalBlock(forReader, 'Närakuten Skene'), 'have:EMSTrafficStatus'),
        'Normal',
      );
      assert.doesNotMatch(forReader, /Kinna/);
    });

    it('reports bed capacity in EDXL-HAVE from the key figures', async () => {
      const xml = (await staff.get(`${events()}/exchange/have.xml`)).body;
      const boras = hospitalBlock(xml, 'Akutmottagningen Borås');
      assert.equal(textOf(boras, 'have:BedType'), 'MedicalSurgical');
      assert.equal(textOf(boras, 'have:CapacityStatus'), 'VacantAvailable');
      assert.equal(
        textOf(boras, 'have:CommentText'),
        'Beläggningsgrad 88,7 % enligt senaste mätningen.',
      );
    });

    it('answers a FHIR Bundle of SANER-style MeasureReports per facility and period', async () => {
      const response = await reader.get(`${events()}/exchange/fhir/MeasureReport?period=2024-W46`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/fhir+json; charset=utf-8');
      const bundle = response.json() as {
        resourceType: string;
        type: string;
        total: number;
        entry: MeasureEntry[];
      };
      assert.equal(bundle.resourceType, 'Bundle');
      assert.equal(bundle.type, 'searchset');
      assert.equal(bundle.total, 2);
      const reports = bundle.entry.filter((entry) => entry.search.mode === 'match');
      const locations = bundle.entry.filter((entry) => entry.search.mode === 'include');
      assert.deepEqual(
        locations.map((entry) => entry.resource.resourceType),
        ['Location', 'Location'],
      );
      const boras = reports.find(
        (entry) => entry.resource.subject!.identifier.value === 'SÄS-AKM-BORÅS',
      )!;
      assert.equal(boras.resource.resourceType, 'MeasureReport');
      assert.equal(boras.resource.status, 'complete');
      assert.equal(boras.resource.type, 'summary');
      assert.deepEqual(boras.resource.period, {
        start: '2024-11-10T23:00:00.000Z',
        end: '2024-11-17T23:00:00.000Z',
      });
      assert.equal(
        boras.resource.subject!.reference,
        `Location/facility-${facilities.get('SÄS-AKM-BORÅS')}`,
      );
      assert.deepEqual(groupOf(boras, 'numBedsOcc')!.measureScore, {
        value: 104.4,
        unit: '%',
        system: 'http://unitsofmeasure.org',
        code: '%',
      });

      const one = await reader.get(
        `${events()}/exchange/fhir/MeasureReport?period=2024-W46&facility=${facilities.get('SÄS-AKM-SKENE')}`,
      );
      assert.equal(one.json().total, 1);
      const bad = await reader.get(`${events()}/exchange/fhir/MeasureReport?period=vecka-46`);
      assert.equal(bad.statusCode, 400);
      const noSuchWeek = await reader.get(
        `${events()}/exchange/fhir/MeasureReport?period=2024-W60`,
      );
      assert.equal(noSuchWeek.statusCode, 400);
      assert.equal(noSuchWeek.json().details.field, 'period');
      const missing = await reader.get(`${events()}/exchange/fhir/MeasureReport?facility=99999`);
      assert.equal(missing.statusCode, 404);
    });

    it('adds bed counts from the figure the event names for them and hides internal observations', async () => {
      const units = (await staff.get('/api/units')).json().items as { id: number; code: string }[];
      const sas = units.find((unit) => unit.code === 'SÄS')!.id;
      const created = await staff.post(`${events()}/figures`, {
        key: 'bemannade-platser',
        name: 'Disponibla vårdplatser i slutenvården',
        unitOfMeasure: 'st',
        higherIsWorse: false,
        exchangeMeaning: 'staffed_beds',
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().exchangeMeaning, 'staffed_beds');
      const second = await staff.post(`${events()}/figures`, {
        key: 'vardplatser',
        name: 'Vårdplatser enligt plan',
        exchangeMeaning: 'staffed_beds',
      });
      assert.equal(second.statusCode, 400, second.body);
      assert.equal(second.json().details.field, 'exchangeMeaning');
      assert.match(second.json().message, /Disponibla vårdplatser i slutenvården/);
      const observe = (body: object) =>
        staff.post(`${events()}/units/${sas}/observations`, { ...body });
      assert.equal(
        (
          await observe({
            figureKey: 'bemannade-platser',
            value: 500,
            observedAt: '2024-11-14T06:00:00Z',
          })
        ).statusCode,
        201,
      );
      assert.equal(
        (
          await observe({
            figureKey: 'beläggningsgrad',
            value: 111.1,
            observedAt: '2024-11-17T08:00:00Z',
            internal: true,
          })
        ).statusCode,
        201,
      );
      const url = `${events()}/exchange/fhir/MeasureReport?period=2024-W46&facility=${facilities.get('SÄS-AKM-BORÅS')}`;
      const forStaff = (await staff.get(url)).json().entry[0] as MeasureEntry;
      assert.equal(groupOf(forStaff, 'numBeds')!.measureScore.value, 500);
      const occupancy = groupOf(forStaff, 'numBedsOcc')!;
      assert.equal(occupancy.measureScore.value, 111.1);
      assert.deepEqual(
        occupancy.population!.map((population) => [
          population.code.coding[0]!.code,
          population.count,
        ]),
        [
          ['denominator', 500],
          ['numerator', 556],
        ],
      );
      const forReader = (await reader.get(url)).json().entry[0] as MeasureEntry;
      assert.equal(groupOf(forReader, 'numBedsOcc')!.measureScore.value, 104.4);
      assert.doesNotMatch(JSON.stringify(forReader), /111\.1/);
    });

    it('marks the newest report Final once the event is closed', async () => {
      const started = (await staff.post(`${events()}/reports`, { kind: 'extra' })).json();
      const url = `${events()}/reports/${started.id}`;
      const submitted = (await staff.post(`${url}/submit`, { version: started.version })).json();
      const approved = (
        await approver.post(`${url}/approve`, { version: submitted.version })
      ).json();
      const published = await approver.post(`${url}/publish`, { version: approved.version });
      assert.equal(published.statusCode, 200, published.body);
      const version = async (number: number) =>
        textOf(
          (await t.anonymous().get(`/r/${t.eventId}/${number}/sitrep.xml`)).body,
          'sr:reportVersion',
        );
      assert.equal(await version(3), 'Update', 'an extra report updates its series');
      assert.equal(await version(2), 'Final', 'the closing report is final in its series');

      const admin = await t.login(adminEmail);
      const event = (await admin.get(events())).json();
      const closed = await admin.post(`${events()}/close`, {
        version: event.version,
        override: true,
        reason: 'Krisorganisationen avvecklas; uppföljningen sker i linjen.',
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(await version(3), 'Final');
      assert.equal(await version(1), 'Update');
    });

    it('has XSDs that reject a document with a wrong value or a wrong element order', async () => {
      const xml = (await t.anonymous().get(`/r/${t.eventId}/1/sitrep.xml`)).body;
      assertValid(xml, sitRepXsd);
      const wrongValue = xml.replace(/<sr:reportVersion>\w+</, '<sr:reportVersion>Draft<');
      const result = validate(wrongValue, sitRepXsd);
      assert.equal(result.valid, false);
      assert.match(result.errors, /reportVersion/);
      const severity = /\s*<sr:severity>\w+<\/sr:severity>/.exec(xml)![0];
      const reordered = xml
        .replace(severity, '')
        .replace('<sr:reportConfidence>', `${severity.trim()}<sr:reportConfidence>`);
      assert.equal(validate(reordered, sitRepXsd).valid, false);
      const have = (await staff.get(`${events()}/exchange/have.xml`)).body;
      const notAStatus = have.replace(
        /<have:EMSTrafficStatus>\w+</,
        '<have:EMSTrafficStatus>Open<',
      );
      assert.equal(validate(notAStatus, haveXsd).valid, false);
    });
  });
}
