import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/server/http/actor.ts';
import { startReport } from '../../src/server/reports/service.ts';
import { type Client, type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Warning {
  code: string;
  message: string;
  sectionKey?: string;
}

for (const dialect of testDialects()) {
  describe(`report checks on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
    });
    after(() => t.close());

    const checksOf = async (eventId: number, reportId: number): Promise<Warning[]> => {
      const answer = await staff.get(`/api/events/${eventId}/reports/${reportId}/checks`);
      assert.equal(answer.statusCode, 200, answer.body);
      return answer.json().items;
    };

    // The archive's week 47 of 2024: Närhälsan last reported for week 46, the media figure too,
    // and the final report (number 2) was published on 22 November. 2024 is never the current
    // year when the tests run, so every week carries its year.
    const week47 = '2024-11-20T10:00:00.000Z';

    it('warns about empty sections, a silent unit, old data and a closed series', async () => {
      const draft = await startReport(t.database.db, systemActor, t.eventId, {
        kind: 'regular',
        reopenSeries: true,
        compiledAt: week47,
      });
      assert.deepEqual(await checksOf(t.eventId, draft.id), [
        {
          code: 'empty_section',
          message: 'Avsnittet ”Patientsäkerhet” är tomt.',
          sectionKey: 'patient-safety',
        },
        {
          code: 'empty_section',
          message: 'Avsnittet ”Aktuella kommunikationsaktiviteter, urval” är tomt.',
          sectionKey: 'communication-activities',
        },
        {
          code: 'empty_section',
          message: 'Avsnittet ”Bakgrund” är tomt.',
          sectionKey: 'background',
        },
        {
          code: 'unit_not_reported',
          message: 'Närhälsan har inte rapporterat för vecka 47 2024.',
          sectionKey: 'unit-situations-nh-2',
        },
        {
          code: 'old_unit_data',
          message:
            'Avsnittet ”Närhälsans lägesbild vecka 47” visar uppgifter från vecka 46 2024, inte från vecka 47 2024.',
          sectionKey: 'unit-situations-nh-2',
        },
        {
          code: 'old_key_figure',
          message:
            'Nyckeltalet ”Medieartiklar om Millennium per vecka” har inget värde för vecka 47 2024; det senaste är från vecka 46 2024.',
          sectionKey: 'access-to-care',
        },
        {
          code: 'series_closed',
          message: 'Slutrapporten (nummer 2) är redan publicerad: rapportserien är avslutad.',
        },
      ]);
    });

    it('drops the warning of a section once it has text', async () => {
      const draft = await startReport(t.database.db, systemActor, t.eventId, {
        kind: 'extra',
        compiledAt: week47,
      });
      const detail = (await staff.get(`/api/events/${t.eventId}/reports/${draft.id}`)).json();
      const background = detail.sections.find(
        (section: { key: string }) => section.key === 'background',
      );
      const saved = await staff.request(
        'PUT',
        `/api/events/${t.eventId}/reports/${draft.id}/sections/${background.id}`,
        { version: background.version, text: 'Millennium infördes i november.' },
      );
      assert.equal(saved.statusCode, 200, saved.body);
      const emptyOnes = (await checksOf(t.eventId, draft.id))
        .filter((warning) => warning.code === 'empty_section')
        .map((warning) => warning.sectionKey);
      assert.deepEqual(emptyOnes, ['patient-safety', 'communication-activities']);
    });

    it('does not call a correction of the final report a report after it', async () => {
      const reports = (await staff.get(`/api/events/${t.eventId}/reports`)).json().items;
      const final = reports.find((report: { kind: string }) => report.kind === 'final');
      const correction = await staff.post(`/api/events/${t.eventId}/reports/${final.id}/correct`);
      assert.equal(correction.statusCode, 201, correction.body);
      assert.equal(correction.json().number, 2);
      const codes = (await checksOf(t.eventId, correction.json().id)).map((w) => w.code);
      assert.equal(codes.includes('series_closed'), false);
    });

    it('has no closed series in an event without a final report', async () => {
      const started = await staff.post(`/api/events/${t.liveEventId}/reports`, {
        kind: 'regular',
      });
      const codes = (await checksOf(t.liveEventId, started.json().id)).map((w) => w.code);
      assert.equal(codes.includes('series_closed'), false);
      assert.ok(codes.length > 0, 'the live draft has other warnings');
    });

    it('answers 404 for a report of another event', async () => {
      const reports = (await staff.get(`/api/events/${t.eventId}/reports`)).json().items;
      const answer = await staff.get(
        `/api/events/${t.liveEventId}/reports/${reports[0].id}/checks`,
      );
      assert.equal(answer.statusCode, 404);
    });
  });
}
