import { spawnSync } from 'node:child_process';
import { FALL_BACK_MONTH, SPRING_FORWARD_MONTH, nextSwitch } from '../test/support/clock.ts';

// Runs the date-bound test files (below; or the files named on the command line) with the process
// clock shifted by Debian's faketime: far into the future, and onto the next two daylight-saving
// nights in Stockholm, started shortly before the switch so that the run crosses it. A file that
// passes here does not depend on the day it runs. PostgreSQL's own clock is not shifted; the app never
// asks the database for the time.

interface Shift {
  name: string;
  /**
   * The FAKETIME offset. Always relative, so that every process of the run (each test file, the
   * servers and browsers it starts) shares one shifted clock that runs on: a run started two
   * minutes before a daylight-saving switch crosses it.
   */
  spec: string;
  /**
   * The daylight-saving nights run on SQLite alone: what they test is the node's own calendar
   * arithmetic (Europe/Stockholm, ISO weeks), which no engine takes part in, and the normal run
   * and the far-future shift already run every date-bound file on PostgreSQL too.
   */
  sqliteOnly: boolean;
}

function offsetTo(instant: Date, now: Date): string {
  return `+${Math.round((instant.getTime() - now.getTime()) / 1000)}`;
}

const LEAD_MS = 2 * 60_000;

/**
 * The test files run when none are named (CI runs these): those whose outcome turns on where "now"
 * falls in the calendar. They use the clock helpers of test/support/clock.ts, lay dates, days,
 * weeks or deadlines relative to now, read the live demo event (laid around the moment it is
 * loaded), or render and check the date a report carries. Files that only use the archive's fixed
 * instants or spans of minutes and hours (sessions, rate limits) give the same result on any day.
 */
const dateBoundTests = [
  'src/core/time.test.ts',
  'test/event-settings/',
  'test/foundation/demo.test.ts',
  'test/foundation/events.test.ts',
  'test/meetings/calendar.test.ts',
  'test/picture/actions.test.ts',
  'test/picture/dashboard.test.ts',
  'test/picture/exports.test.ts',
  'test/picture/figure-rule.test.ts',
  'test/picture/figures.test.ts',
  'test/picture/input-requests.test.ts',
  'test/reports/checks.test.ts',
  'test/reports/figure-block-charts.test.ts',
  'test/reports/figure-blocks-facilities.test.ts',
  'test/reports/figure-blocks.test.ts',
  'test/reports/flow.test.ts',
  'test/reports/identity.test.ts',
  'test/reports/list-blocks.test.ts',
  'test/reports/outbox.test.ts',
  'test/reports/ready-pages.test.ts',
  'test/reports/report-language.test.ts',
  'test/reports/trust.test.ts',
  'test/review/review.test.ts',
];

function clockShifts(now: Date): Shift[] {
  const spring = new Date(nextSwitch(now, SPRING_FORWARD_MONTH).getTime() - LEAD_MS);
  const autumn = new Date(nextSwitch(now, FALL_BACK_MONTH).getTime() - LEAD_MS);
  return [
    { name: '400 days ahead', spec: '+400d', sqliteOnly: false },
    {
      name: `spring-forward night on SQLite, ${spring.toISOString()}`,
      spec: offsetTo(spring, now),
      sqliteOnly: true,
    },
    {
      name: `fall-back night on SQLite, ${autumn.toISOString()}`,
      spec: offsetTo(autumn, now),
      sqliteOnly: true,
    },
  ];
}

function requireFaketime(): void {
  if (spawnSync('faketime', ['--version']).error) {
    console.error('faketime is not installed: apt-get install -y faketime');
    process.exit(1);
  }
}

function run(shift: Shift, files: string[]): boolean {
  console.log(`\n=== Clock: ${shift.name} (FAKETIME=${shift.spec}) ===`);
  const result = spawnSync(
    'faketime',
    ['-f', shift.spec, process.execPath, '--import', 'tsx', 'scripts/run-tests.ts', ...files],
    {
      stdio: 'inherit',
      env: { ...process.env, ...(shift.sqliteOnly && { LAGESBILD_TEST_SQLITE_ONLY: '1' }) },
    },
  );
  return result.status === 0;
}

const wanted = process.env.CLOCK_SHIFTS?.split(',');
const shifts = clockShifts(new Date()).filter(
  (shift, index) => !wanted || wanted.includes(String(index + 1)),
);
requireFaketime();
const named = process.argv.slice(2);
const files = named.length > 0 ? named : dateBoundTests;
const failed = shifts.filter((shift) => !run(shift, files));
for (const shift of failed)
  console.error(`Failed with the clock at ${shift.name} (${shift.spec}).`);
process.exit(failed.length === 0 ? 0 : 1);
