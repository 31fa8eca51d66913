import type { Block, LabelledLevel } from '../../core/report-snapshot.ts';
import { isoWeekOf, parsePeriod, previousPeriod } from '../../core/time.ts';
import { communicationForReport } from '../communication/report-contribution.ts';
import type { Db } from '../db/schema.ts';
import { coveredPeriod } from '../events/periods.ts';
import type { EventRow } from '../events/repository.ts';
import { type LevelOf, scalesForReport } from '../scales/report-contribution.ts';
import {
  type ReportingUnit,
  type SituationRow,
  answersOfContent,
  situationsForReport,
} from '../situations/report-contribution.ts';
import { returnFormForReport } from '../return-forms/report-contribution.ts';
import { type ReturnField, defaultReturnForm } from '../../contract/return-forms.ts';
import { type ReportWording, reportWording } from '../../core/report-wording.ts';
import { answerBlocks, fieldFigureRows } from './compile-answers.ts';
import type { KeyFigureBlock } from '../../contract/block-params.ts';
import type { TemplateSection } from '../../contract/template-sections.ts';
import { unitsForReport } from '../units/report-contribution.ts';
import { type EventUnit, eventUnitsForReport } from '../event-units/report-contribution.ts';
import {
  actionBlocks,
  communicationBlocks,
  decisionBlocks,
  diversionBlocks,
  localDate,
  logBlocks,
  readinessBlocks,
  riskBlocks,
  split,
} from './compile-lists.ts';
import { milestoneBlocks } from './compile-milestones.ts';
import { keyFigureBlocks, repeatedUnits } from './compile-figures.ts';
import { inEventOrder } from './compile-units.ts';
import type { ReportRow } from './repository.ts';
import type { StoredData } from './snapshot.ts';
import { formatFigure, genitive, shortPeriodLabel } from './wording.ts';

export function resolveTitle(title: string, event: EventRow, report: ReportRow): string {
  const { week, year } = isoWeekOf(new Date(report.compiled_at), event.time_zone);
  return title
    .replaceAll('{event}', event.name)
    .replaceAll('{week}', String(week))
    .replaceAll('{year}', String(year));
}

/** The period a report covers: the one it was compiled in, or the one before (`coveredPeriod`). */
export function reportPeriod(event: EventRow, report: ReportRow) {
  return coveredPeriod(event, new Date(report.compiled_at));
}

/**
 * Replaces each unit-situations section by one subsection per unit expected to report for the
 * report's period (or, without an input request, each unit that has reported), and gives a
 * key-figure block repeated per unit one subsection per unit, before the section's own children.
 */
export async function expandUnitSections(
  db: Db,
  event: EventRow,
  report: ReportRow,
  sections: TemplateSection[],
): Promise<TemplateSection[]> {
  const order = await eventUnitsForReport(db, event.id);
  const expand = async (list: TemplateSection[]): Promise<TemplateSection[]> => {
    const expanded: TemplateSection[] = [];
    for (const section of list) {
      if (section.kind === 'unit_situations') {
        const units = inEventOrder(await expectedUnits(db, event, report), order);
        expanded.push(...units.map((unit) => unitSituationSection(section, unit)));
        continue;
      }
      const children = await expand(section.children);
      const block = section.figures;
      const copies = block?.repeatPerUnit ? unitFigureSections(section, block, order) : [];
      expanded.push({ ...section, children: [...copies, ...children] });
    }
    return expanded;
  };
  return expand(sections);
}

/** A section's key for one unit's copy: unique in the report and stable between reports. */
function unitSectionKey(key: string, unit: { id: number; code: string }): string {
  return `${key}-${unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unit.id}`;
}

function unitSituationSection(section: TemplateSection, unit: ReportingUnit): TemplateSection {
  return {
    ...section,
    key: unitSectionKey(section.key, unit),
    title: section.title
      .replaceAll('{unit:genitive}', genitive(unit.name))
      .replaceAll('{unit}', unit.name),
    children: [],
    unitId: unit.id,
  };
}

/** One key-figure section per unit the block repeats for, showing only that unit's values. */
function unitFigureSections(
  section: TemplateSection,
  block: KeyFigureBlock,
  order: EventUnit[],
): TemplateSection[] {
  return repeatedUnits(block, order).map((unit) => ({
    key: unitSectionKey(section.key, { id: unit.unitId, code: unit.code }),
    title: unit.name,
    kind: 'key_figures',
    internal: section.internal,
    includes: [],
    text: '',
    children: [],
    figures: { ...block, units: [unit.unitId], repeatPerUnit: false, showReported: false },
  }));
}

/**
 * The units asked to report for the report's period; without a request for that period, those
 * asked most recently, so that a unit that has fallen silent still shows as not reported.
 */
function expectedUnits(db: Db, event: EventRow, report: ReportRow) {
  return situationsForReport(db, event.id).expectedUnits(reportPeriod(event, report).key);
}

/** Draws the data blocks of one section from the live picture, in a public and an internal version. */
export async function compileSectionData(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<{ blocks: StoredData; unitId: number | null }> {
  const kinds = section.kind === 'text' ? section.includes : [section.kind];
  const blocks: StoredData = { public: [], internal: [] };
  if (section.unitId !== undefined) {
    append(blocks, await unitSituationBlocks(db, event, report, section.unitId));
    return { blocks, unitId: section.unitId };
  }
  for (const kind of kinds) {
    const compile = compilers[kind as keyof typeof compilers];
    if (compile) append(blocks, await compile(db, event, report, section));
  }
  return { blocks, unitId: null };
}

function append(target: StoredData, addition: StoredData): void {
  target.public.push(...addition.public);
  target.internal.push(...addition.internal);
}

/** Draws one kind of data for a section; the section carries the block's parameters. */
type Compiler = (
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
) => Promise<StoredData>;

const compilers: Record<string, Compiler> = {
  decisions: decisionBlocks,
  milestones: milestoneBlocks,
  actions: actionBlocks,
  diversions: diversionBlocks,
  key_figures: keyFigureBlocks,
  risks: riskBlocks,
  communication: communicationBlocks,
  media: mediaBlocks,
  spokespersons: spokespersonBlocks,
  log: logBlocks,
  readiness: readinessBlocks,
};

async function unitSituationBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  unitId: number,
): Promise<StoredData> {
  const period = reportPeriod(event, report);
  const rows = await situationsForReport(db, event.id).ofUnit(unitId);
  const reported = rows.filter((row) => row.state === 'submitted' || row.state === 'accepted');
  const current = reported.find((row) => row.period === period.key);
  const latest = current ?? reported.find((row) => parsePeriod(row.period).start < period.start);
  const words = reportWording(event.language);
  const unitName = rows[0]?.unit_name ?? (await unitNameOf(db, unitId, words));
  const notice = current ? [] : [missingNotice(unitName, period.key, latest, words)];
  if (!latest) return { public: notice, internal: notice };
  const fields = await returnFormForReport(db, event.id);
  const scales = await scalesForReport(db, event.id);
  const blocks = [...notice, ...situationBlocks(latest, scales, fields, words)];
  return { internal: blocks, public: latest.internal === 1 ? notice : blocks };
}

async function unitNameOf(db: Db, unitId: number, words: ReportWording): Promise<string> {
  return (await unitsForReport(db)).unitNames.get(unitId) ?? words.someUnit;
}

function missingNotice(
  unitName: string,
  periodKey: string,
  fallback: SituationRow | undefined,
  words: ReportWording,
): Block {
  const missing = words.notReported(unitName, shortPeriodLabel(periodKey, words));
  const text = fallback
    ? `${missing}; ${words.dataFrom(shortPeriodLabel(fallback.period, words))}.`
    : `${missing}.`;
  return { type: 'notice', text };
}

type StatusKey = keyof ReportWording['statusLabels'];

/** The situation's column that keeps the answer to each of today's status fields. */
const STATUS_COLUMNS = {
  overallStatus: 'overall_status',
  prognosis: 'prognosis',
  accessToCare: 'access_to_care_status',
  patientSafety: 'patient_safety_status',
  staff: 'staff_status',
  itProgramme: 'it_programme_status',
  communication: 'communication_status',
} as const satisfies Record<StatusKey, keyof SituationRow>;

const DEFAULT_LABELS = new Map(defaultReturnForm().map((field) => [field.key, field.label]));

/**
 * A status line's label: the form's own label for the field, or the report's wording while the
 * field keeps the default form's label.
 */
function statusLabel(key: StatusKey, fields: readonly ReturnField[], words: ReportWording): string {
  const label = fields.find((field) => field.key === key)?.label;
  return label === undefined || label === DEFAULT_LABELS.get(key) ? words.statusLabels[key] : label;
}

/** The overall status, the prognosis and each area's status that the unit gave, in that order. */
function assessedLevels(
  situation: SituationRow,
  scales: { status: LevelOf; prognosis: LevelOf },
  fields: readonly ReturnField[],
  words: ReportWording,
): LabelledLevel[] {
  return (Object.keys(STATUS_COLUMNS) as StatusKey[]).flatMap((key) => {
    const answer = situation[STATUS_COLUMNS[key]];
    if (answer === null) return [];
    const levelOf = key === 'prognosis' ? scales.prognosis : scales.status;
    return [{ label: statusLabel(key, fields, words), level: levelOf(answer) }];
  });
}

function situationBlocks(
  situation: SituationRow,
  scales: { status: LevelOf; prognosis: LevelOf },
  fields: ReturnField[],
  words: ReportWording,
): Block[] {
  const levels = assessedLevels(situation, scales, fields, words);
  const answers = answersOfContent(situation);
  const blocks: Block[] = [];
  if (levels.length > 0) blocks.push({ type: 'levels', items: levels });
  if (situation.bullets.trim()) blocks.push({ type: 'markdown', markdown: situation.bullets });
  const figures = JSON.parse(situation.key_figures || '[]') as {
    name: string;
    value: number;
    unit?: string;
  }[];
  const figureRows = [
    ...fieldFigureRows(fields, answers, words),
    ...figures.map((figure) => [
      figure.name,
      formatFigure(figure.value, figure.unit ?? '', undefined, undefined, words),
    ]),
  ];
  if (figureRows.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { label: words.figure, align: 'left' },
        { label: words.value, align: 'right' },
      ],
      rows: figureRows,
    });
  }
  blocks.push(...answerBlocks(fields, answers, words));
  return blocks;
}

async function mediaBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const rows = await communicationForReport(db, event.id).mediaPictures();
  const current = reportPeriod(event, report);
  const candidates = [current.key, previousPeriod(current.key, event.time_zone).key];
  const picture = rows.find((row) => candidates.includes(row.period));
  if (!picture) return { public: [], internal: [] };
  const themes = JSON.parse(picture.themes) as string[];
  const words = reportWording(event.language);
  const tone = words.tones[picture.tone as keyof ReportWording['tones']] ?? picture.tone;
  const markdown = [
    words.media(shortPeriodLabel(picture.period, words), picture.article_count, tone),
    themes.length > 0 ? `${words.themes}: ${themes.join(', ')}.` : '',
    picture.comment,
  ]
    .filter(Boolean)
    .join(' ');
  const blocks: Block[] = [{ type: 'markdown', markdown }];
  return { internal: blocks, public: picture.internal === 1 ? [] : blocks };
}

async function spokespersonBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const rows = await communicationForReport(db, event.id).spokespersons(
    localDate(report.compiled_at, event.time_zone),
  );
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (people) =>
      people.length === 0
        ? []
        : [
            {
              type: 'bullets',
              items: people.map((person) => [person.name, person.title].filter(Boolean).join(', ')),
            },
          ],
  );
}
