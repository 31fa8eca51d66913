import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import i18next from 'i18next';
import auditEn from './i18n-audit.en.ts';
import auditSv, { auditCodes } from './i18n-audit.sv.ts';
import { auditItemName, auditWord } from './pages/admin/audit-words.ts';
import type { AuditRecord } from '../contract/audit.ts';

// Every action and kind of record the server writes into the audit trail has words in both
// languages, and every worded code is still written somewhere.

const serverFiles = fs
  .readdirSync('src/server', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => fs.readFileSync(path.join('src/server', file), 'utf8'));

// An action is a dotted code ('report.publish'); a kind of record is one word ('report_section').
const actionCode = String.raw`'([a-z_]+(?:\.[a-z_]+)+)'`;
const entityCode = String.raw`'([a-z_]+)'`;

function literalsAfter(field: string, code: string): Set<string> {
  const found = new Set<string>();
  for (const source of serverFiles)
    for (const line of source.matchAll(new RegExp(String.raw`\b${field}: (.+)$`, 'gm')))
      for (const literal of line[1]!.matchAll(new RegExp(code, 'g'))) found.add(literal[1]!);
  return found;
}

/** The action expression of every recordAudit call that is not made of literals. */
function indirectActions(): string[] {
  return serverFiles.flatMap((source) =>
    [...source.matchAll(/(?:await|return) recordAudit\([^{]*\{[^}]*?\baction: ([^,\n]+),/g)]
      .map((call) => call[1]!)
      .filter(
        (expression) =>
          !new RegExp(`^${actionCode}$|\\? ${actionCode} : ${actionCode}$`).test(expression),
      ),
  );
}

const written = {
  action: literalsAfter('action', actionCode),
  entity: literalsAfter('entityType', entityCode),
};

test('the server writes the audit codes this test reads, and none it cannot see', () => {
  assert.ok(written.action.has('report.publish'));
  assert.ok(written.entity.has('report_section'));
  // A computed action is read from the literals of its table: report transitions, situation reviews.
  assert.deepEqual(indirectActions().sort(), ['outcome.action', 'transition.action']);
});

for (const kind of ['action', 'entity'] as const) {
  test(`every audit ${kind} the server writes has words, and every worded one is written`, () => {
    assert.deepEqual([...written[kind]].sort(), [...auditCodes[kind]].sort());
  });
}

const auditTranslations = { sv: auditSv, en: auditEn };

test('Swedish and English word the same codes, and no words are empty', () => {
  for (const kind of ['action', 'entity'] as const) {
    const sv = auditTranslations.sv.auditWords[kind];
    const en = auditTranslations.en.auditWords[kind];
    assert.deepEqual(Object.keys(en).sort(), Object.keys(sv).sort());
    for (const words of [...Object.values(sv), ...Object.values(en)])
      assert.notEqual(words.trim(), '');
  }
});

async function translator(lng: 'sv' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { [lng]: { translation: auditTranslations[lng] } },
  });
  return instance.t;
}

const record: AuditRecord = {
  id: 1,
  at: '2026-01-01T00:00:00.000Z',
  actorUserId: 1,
  actor: 'Tove Lindqvist',
  eventId: 1,
  action: 'report.publish',
  entityType: 'report',
  entityId: '17',
  before: { number: 3, title: 'Regional rapport v. 48' },
  after: { number: 3, title: 'Regional rapport v. 49' },
  requestId: null,
};

test('an audit record reads in words and names its item', async () => {
  const sv = await translator('sv');
  const en = await translator('en');
  assert.equal(auditWord(sv, 'action', 'report.publish'), 'Rapport publicerad');
  assert.equal(auditWord(en, 'action', 'figure.import.preview'), 'Key figure import previewed');
  assert.equal(auditItemName(sv, record), 'Rapport 3 – Regional rapport v. 49');
  assert.equal(auditItemName(en, record), 'Report 3 – Regional rapport v. 49');
});

test('an item without a number or a name is named by its kind and id', async () => {
  const sv = await translator('sv');
  const entry = { ...record, entityType: 'log_entry', entityId: '12', before: null };
  assert.equal(auditItemName(sv, { ...entry, after: { text: 'Larm från akuten' } }), 'Loggpost 12');
  assert.equal(
    auditItemName(sv, { ...entry, entityType: 'risk', after: { title: `  ${'x'.repeat(90)}` } }),
    `Risk 12 – ${'x'.repeat(79)}…`,
  );
});

test('a code without words shows as itself', async () => {
  const sv = await translator('sv');
  assert.equal(auditWord(sv, 'action', 'unknown.code'), 'unknown.code');
});
