// A model-based test (fast-check commands) of the report workflow: random interleavings of
// draft → submit → return/approve → publish → correct across several reports. After every step the
// server's state equals the model's, and every published snapshot is still exactly what it was
// when first published (same JSON, same content hash, same public page).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { contentHash } from '../../src/server/reports/snapshot.ts';
import { type Client, type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { longTests, reportUrl } from './support.ts';

type State = 'draft' | 'in_review' | 'approved' | 'published';

interface Model {
  reports: { id: number; state: State }[];
}

interface Real {
  /** Every snapshot ever published, as it was when first seen: kept across runs. */
  frozen: Map<number, Frozen>;
  t: TestApp;
  staff: Client;
  approver: Client;
}

interface Frozen {
  json: string;
  hash: string;
  page: string | null;
}

async function current(real: Real, id: number) {
  const response = await real.staff.get(reportUrl(real.t, id));
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as {
    id: number;
    number: number;
    revision: number;
    state: State;
    version: number;
    sections: { id: number; kind: string; version: number }[];
  };
}

/** Records new snapshots, and checks that none already recorded has changed in any way. */
async function checkSnapshots(real: Real): Promise<void> {
  const frozen = real.frozen;
  const rows = await real.t.database.db
    .selectFrom('report_snapshots')
    .select(['id', 'event_id', 'number', 'revision', 'audience', 'snapshot_json', 'content_hash'])
    .execute();
  for (const row of rows) {
    assert.equal(contentHash(row.snapshot_json), row.content_hash, `snapshot ${row.id} hash`);
    const seen = frozen.get(row.id);
    const page =
      row.audience === 'public'
        ? (await real.t.anonymous().get(`/r/${row.event_id}/${row.number}?version=${row.revision}`))
            .body
        : null;
    if (!seen) {
      frozen.set(row.id, { json: row.snapshot_json, hash: row.content_hash, page });
      continue;
    }
    assert.equal(row.snapshot_json, seen.json, `snapshot ${row.id} JSON changed`);
    assert.equal(row.content_hash, seen.hash, `snapshot ${row.id} hash changed`);
    if (page !== null) assert.equal(page, seen.page, `snapshot ${row.id} page changed`);
  }
  assert.ok(
    [...frozen.keys()].every((id) => rows.some((row) => row.id === id)),
    'a published snapshot disappeared',
  );
}

type Step = 'submit' | 'return' | 'approve' | 'publish' | 'correct' | 'edit';

const allowedFrom: Record<Step, State[]> = {
  edit: ['draft'],
  submit: ['draft'],
  return: ['in_review', 'approved'],
  approve: ['in_review'],
  publish: ['approved'],
  correct: ['published'],
};

const nextState: Record<Exclude<Step, 'correct' | 'edit'>, State> = {
  submit: 'in_review',
  return: 'draft',
  approve: 'approved',
  publish: 'published',
};

class StartCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const started = await real.staff.post(`/api/events/${real.t.eventId}/reports`, {
      kind: 'extra',
    });
    assert.equal(started.statusCode, 201, started.body);
    assert.equal(started.json().state, 'draft');
    model.reports.push({ id: started.json().id, state: 'draft' });
  }
  toString = () => 'start';
}

class StepCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly step: Step,
    private readonly pick: number,
    private readonly stale: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.reports.length > 0;
  async run(model: Model, real: Real) {
    const report = model.reports[this.pick % model.reports.length]!;
    const before = await current(real, report.id);
    assert.equal(before.state, report.state, `report ${report.id} state`);
    const version = this.stale ? before.version + 1000 : before.version;
    const url = reportUrl(real.t, report.id);
    const response = await this.send(real, url, before, version);
    const allowed = allowedFrom[this.step].includes(report.state);
    if (!allowed) {
      // The state is checked before the version: a step the state does not allow is wrong_state.
      assert.ok(
        response.statusCode === 409 && response.json().error === 'wrong_state',
        `${this.step} from ${report.state}: ${response.statusCode} ${response.body}`,
      );
    } else if (this.stale && this.step !== 'correct') {
      // A stale (here: wrong) version never moves the report.
      assert.ok(
        response.statusCode === 409,
        `${this.step} with a stale version: ${response.statusCode} ${response.body}`,
      );
    } else {
      assert.ok(
        response.statusCode === 200 || response.statusCode === 201,
        `${this.step} from ${report.state}: ${response.statusCode} ${response.body}`,
      );
      if (this.step === 'correct') {
        assert.equal(response.json().state, 'draft');
        assert.equal(response.json().number, before.number);
        assert.equal(response.json().revision > before.revision, true);
        model.reports.push({ id: response.json().id, state: 'draft' });
      } else if (this.step !== 'edit') {
        report.state = nextState[this.step];
      }
    }
    const after = await current(real, report.id);
    assert.equal(after.state, report.state, `report ${report.id} after ${this.step}`);
    await checkSnapshots(real);
  }

  private send(
    real: Real,
    url: string,
    report: Awaited<ReturnType<typeof current>>,
    version: number,
  ) {
    switch (this.step) {
      case 'edit': {
        const section = report.sections.find((candidate) => candidate.kind === 'text')!;
        return real.staff.request('PUT', `${url}/sections/${section.id}`, {
          version: this.stale ? section.version + 1000 : section.version,
          text: `Ändrad ${new Date().toISOString()} <script>alert(1)</script>`,
        });
      }
      case 'submit':
        return real.staff.post(`${url}/submit`, { version });
      case 'return':
        return real.approver.post(`${url}/return`, { version, comment: 'Komplettera.' });
      case 'approve':
        return real.approver.post(`${url}/approve`, { version });
      case 'publish':
        return real.approver.post(`${url}/publish`, { version });
      case 'correct':
        return real.staff.post(`${url}/correct`);
    }
  }

  toString = () => `${this.step}(#${this.pick}${this.stale ? ', stale' : ''})`;
}

/** Moves a report one step along the happy path, so that runs reach publishing and correcting. */
class AdvanceCommand implements fc.AsyncCommand<Model, Real> {
  constructor(private readonly pick: number) {}
  check = (model: Readonly<Model>) => model.reports.length > 0;
  async run(model: Model, real: Real) {
    const report = model.reports[this.pick % model.reports.length]!;
    const step = happyPath[report.state];
    await new StepCommand(step, this.pick % model.reports.length, false).run(model, real);
  }
  toString = () => `advance(#${this.pick})`;
}

const happyPath: Record<State, Step> = {
  draft: 'submit',
  in_review: 'approve',
  approved: 'publish',
  published: 'correct',
};

const commands = [
  fc.constant(new StartCommand()),
  ...(['edit', 'submit', 'return', 'approve', 'publish', 'correct'] as const).map((step) =>
    fc
      .tuple(
        fc.nat(3),
        fc.nat(5).map((draw) => draw === 0),
      )
      .map(([pick, stale]) => new StepCommand(step, pick, stale && step !== 'correct')),
  ),
  // The happy path weighs more, so that publishing and correcting happen often.
  fc.nat(3).map((pick) => new AdvanceCommand(pick)),
  fc.nat(3).map((pick) => new AdvanceCommand(pick)),
  fc.nat(3).map((pick) => new AdvanceCommand(pick)),
];

for (const dialect of testDialects()) {
  describe(`report workflow model on ${dialect}`, () => {
    let real: Real;
    before(async () => {
      const t = await startTestApp(dialect);
      real = {
        frozen: new Map(),
        t,
        staff: await t.login(demoPeople.staff),
        approver: await t.login(demoPeople.approver),
      };
    });
    after(() => real.t.close());

    it('respects the state machine and never changes a published snapshot', async () => {
      await checkSnapshots(real);
      const before = real.frozen.size;
      // One fixed run first (publish, correct, publish the correction), then random ones.
      await fc.asyncModelRun(
        () => ({ model: { reports: [] }, real }),
        [
          new StartCommand(),
          ...Array.from({ length: 4 }, () => new AdvanceCommand(0)),
          ...Array.from({ length: 3 }, () => new AdvanceCommand(1)),
          new StepCommand('edit', 0, false),
          new StepCommand('correct', 1, false),
        ],
      );
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: longTests ? 60 : 20, size: 'max' }),
          (cmds) => fc.asyncModelRun(() => ({ model: { reports: [] }, real }), cmds),
        ),
        { numRuns: longTests ? 60 : 5 },
      );
      assert.ok(real.frozen.size > before, 'the runs published at least one new snapshot');
    });
  });
}
