import type { ReportSnapshot } from '../../core/report-snapshot.ts';
import { TIME_ZONE } from '../../core/time.ts';
import type {
  Archive,
  Recipient,
  ReportDetail,
  ReportSection,
  ReportSummary,
  ReportWarning,
} from '../../contract/reports.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import type { Delivery } from '../../contract/distribution.ts';
import { deliveriesOfReport } from '../distribution/repository.ts';
import { presentDelivery, queueReportDeliveries, recipientsOf } from '../distribution/service.ts';
import { errors } from '../errors.ts';
import { type EventRow, findEvent } from '../events/repository.ts';
import { coveredPeriod, dataAsOfOfPeriod } from '../events/periods.ts';
import { requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import { findTemplateByKind } from '../templates/repository.ts';
import { identityOf, loadTemplate } from '../templates/service.ts';
import type { TemplateRow } from '../templates/repository.ts';
import { reportLabel, reportTitle } from '../../core/report-title.ts';
import { userNamesByIds } from '../users/service.ts';
import { type TemplateSection, flattenSections } from '../../contract/template-sections.ts';
import { atomFeed } from './atom.ts';
import { changesSincePrevious } from './changes.ts';
import { reportWarnings } from './checks.ts';
import { compileSectionData, expandUnitSections, resolveTitle } from './compile.ts';
import { draftReportRow } from './draft-row.ts';
import {
  type ReportRow,
  type SectionRow,
  addContributor,
  contributorsOf,
  deleteDraft,
  findReport,
  findSection,
  insertReport,
  insertSections,
  insertSnapshot,
  latestPublished,
  latestRevision,
  listReports,
  nextNumber,
  publishedSnapshots,
  sectionsOf,
  updateReport,
  updateSection,
} from './repository.ts';
import {
  type StoredData,
  buildSnapshot,
  canonicalJson,
  contentHash,
  verifiedSnapshot,
  visibleSections,
} from './snapshot.ts';
import { indexForSearch } from '../search/index-document.ts';
import { checkSeriesOpen, nextSeriesNumber } from './series.ts';
import type { ReportKind } from './tables.ts';
import { reportTrust } from './trust.ts';

export interface PublishHooks {
  /** Runs inside the publishing transaction: queue the e-mail deliveries of the new snapshots. */
  afterPublish(
    trx: Db,
    report: ReportRow,
    snapshotIds: { public: number; internal: number },
  ): Promise<void>;
}

/**
 * Drafts the next report: the next number, sections from the template, text carried over from
 * the last published report, and data from the live picture since that report was compiled.
 */
export async function startReport(
  db: Db,
  actor: Actor,
  eventId: number,
  input: StartInput & { compiledAt?: string },
): Promise<ReportRow> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    const template = input.templateId
      ? await loadTemplate(trx, eventId, input.templateId)
      : await findTemplateByKind(trx, eventId, input.kind === 'final' ? 'closing' : 'weekly');
    if (!template)
      throw errors.badRequest('Händelsen har ingen mall att utgå från.', { field: 'templateId' });
    const identity = identityOf(template, event.language);
    const closedBy = await checkSeriesOpen(trx, eventId, identity.series, input);
    const seriesNumber = await nextSeriesNumber(trx, eventId, identity.series);
    const previous = await latestPublished(trx, eventId);
    const now = input.compiledAt ?? new Date().toISOString();
    const report = await insertReport(
      trx,
      draftReportRow(event, previous, actor, {
        number: await nextNumber(trx, eventId),
        kind: input.kind,
        series: identity.series,
        seriesNumber,
        templateId: template.id,
        title: titleOf(event, template, { kind: input.kind, seriesNumber, compiledAt: now }),
        compiledAt: now,
      }),
    );
    const carried = previous ? await sectionsOf(trx, previous.id) : [];
    const rows = await draftSections(
      trx,
      event,
      report,
      JSON.parse(template.sections_json),
      carried,
    );
    await insertSections(trx, rows);
    await addContributor(trx, report.id, actor.userId);
    await recordAudit(trx, actor, {
      action: 'report.start',
      entityType: 'report',
      entityId: report.id,
      eventId,
      after: report,
    });
    if (closedBy) {
      await recordAudit(trx, actor, {
        action: 'report.reopen_series',
        entityType: 'report',
        entityId: report.id,
        eventId,
        after: { series: report.series, closedByReportId: closedBy.id },
      });
    }
    return report;
  });
}

export interface StartInput {
  kind: ReportKind;
  templateId?: number | undefined;
  reopenSeries?: boolean | undefined;
}

/** The title from the template's pattern, as the report is started. */
function titleOf(
  event: EventRow,
  template: TemplateRow,
  report: { kind: ReportKind; seriesNumber: number; compiledAt: string },
): string {
  const identity = identityOf(template, event.language);
  return reportTitle(identity.titlePattern, {
    event: event.name,
    template: template.name,
    number: report.seriesNumber,
    label: reportLabel(identity.labels, report),
    kind: report.kind,
    compiledAt: new Date(report.compiledAt),
    now: new Date(),
    locale: event.language,
    zone: event.time_zone,
  });
}

async function draftSections(
  trx: Db,
  event: EventRow,
  report: ReportRow,
  template: TemplateSection[],
  carried: SectionRow[],
) {
  const carriedText = new Map(carried.map((section) => [section.key, section.text]));
  const flat = flattenSections(await expandUnitSections(trx, event, report, template));
  const rows = [];
  for (const [position, { section, level, parentKey }] of flat.entries()) {
    const data = await compileSectionData(trx, event, report, section);
    rows.push({
      report_id: report.id,
      key: section.key,
      parent_key: parentKey,
      position,
      level,
      title: resolveTitle(section.title, event, report),
      kind: section.kind,
      internal: section.internal ? 1 : 0,
      text: textFor(section, carriedText, event),
      includes_json: JSON.stringify(section.includes),
      data_json: JSON.stringify(data.blocks),
      params_json: paramsJsonOf(section),
      unit_id: data.unitId,
      refreshed_at: report.compiled_at,
      updated_by: report.created_by,
      updated_at: report.compiled_at,
    });
  }
  return rows;
}

function textFor(section: TemplateSection, carried: Map<string, string>, event: EventRow): string {
  if (section.kind === 'about') return section.text.replaceAll('{event}', event.name);
  if (section.kind === 'text' || section.kind === 'links')
    return carried.get(section.key) ?? section.text;
  return '';
}

/** Saves one section's text, only if nobody else saved it since the editor read it. */
export async function saveSection(
  db: Db,
  actor: Actor,
  eventId: number,
  reportId: number,
  sectionId: number,
  input: { version: number; text: string; internal?: boolean | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const report = await loadEditableReport(trx, eventId, reportId);
    const before = await loadSection(trx, report.id, sectionId);
    const updated = await updateSection(trx, sectionId, input.version, {
      text: input.text,
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      updated_by: actor.userId,
    });
    // Re-read: under concurrent saves `before` may predate the save that won.
    if (!updated)
      throw errors.conflict(
        await presentSectionOf(trx, await loadSection(trx, report.id, sectionId)),
      );
    await addContributor(trx, report.id, actor.userId);
    await recordAudit(trx, actor, {
      action: 'report.section_save',
      entityType: 'report_section',
      entityId: sectionId,
      eventId,
      before,
      after: updated,
    });
    return updated;
  });
}

/** Draws a data section afresh from the live picture; allowed until the report is approved. */
export async function refreshSection(
  db: Db,
  actor: Actor,
  eventId: number,
  reportId: number,
  sectionId: number,
  version: number,
) {
  return db.transaction().execute(async (trx) => {
    const report = await loadEditableReport(trx, eventId, reportId);
    const event = await requireEvent(trx, eventId);
    const before = await loadSection(trx, report.id, sectionId);
    const data = await compileSectionData(trx, event, report, sectionFromRow(before));
    const updated = await updateSection(trx, sectionId, version, {
      data_json: JSON.stringify(data.blocks),
      refreshed_at: new Date().toISOString(),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(await presentSectionOf(trx, before));
    await recordAudit(trx, actor, {
      action: 'report.section_refresh',
      entityType: 'report_section',
      entityId: sectionId,
      eventId,
      after: { version: updated.version, refreshed_at: updated.refreshed_at },
    });
    return updated;
  });
}

/** What of a template section a refresh needs again besides the row's own columns. */
type SectionParams = Pick<TemplateSection, 'lead' | 'figures' | 'list'>;

function paramsJsonOf({ lead, figures, list }: TemplateSection): string | null {
  const params: SectionParams = {
    ...(lead !== undefined && { lead }),
    ...(figures !== undefined && { figures }),
    ...(list !== undefined && { list }),
  };
  return Object.keys(params).length > 0 ? JSON.stringify(params) : null;
}

function sectionFromRow(row: SectionRow): TemplateSection {
  const params = row.params_json === null ? {} : (JSON.parse(row.params_json) as SectionParams);
  return {
    key: row.key,
    title: row.title,
    kind: row.kind as TemplateSection['kind'],
    internal: row.internal === 1,
    includes: JSON.parse(row.includes_json) as TemplateSection['includes'],
    text: row.text,
    children: [],
    ...params,
    ...(row.unit_id !== null && { unitId: row.unit_id }),
  };
}

type Transition = {
  action: string;
  from: ReportRow['state'][];
  to: ReportRow['state'];
};

const transitions = {
  submit: { action: 'report.submit', from: ['draft'], to: 'in_review' },
  return: { action: 'report.return', from: ['in_review', 'approved'], to: 'draft' },
  approve: { action: 'report.approve', from: ['in_review'], to: 'approved' },
} satisfies Record<string, Transition>;

export async function moveReport(
  db: Db,
  actor: Actor,
  eventId: number,
  reportId: number,
  step: keyof typeof transitions,
  input: { version: number; comment?: string },
) {
  const transition: Transition = transitions[step];
  return db.transaction().execute(async (trx) => {
    const before = await loadReport(trx, eventId, reportId);
    if (!transition.from.includes(before.state)) {
      throw errors.wrongState(
        `Rapporten är ${stateNames[before.state]} och kan inte ${stepNames[step]}.`,
      );
    }
    if (step === 'approve') await refuseOnlyAuthorApproval(trx, actor, before);
    const updated = await updateReport(trx, reportId, input.version, {
      state: transition.to,
      updated_by: actor.userId,
      ...(step === 'return' && {
        return_comment: input.comment ?? null,
        approved_by: null,
        approved_at: null,
      }),
      ...(step === 'submit' && { return_comment: null }),
      ...(step === 'approve' && {
        approved_by: actor.userId,
        approved_at: new Date().toISOString(),
      }),
    });
    if (!updated) throw errors.conflict(before);
    await recordAudit(trx, actor, {
      action: transition.action,
      entityType: 'report',
      entityId: reportId,
      eventId,
      before,
      after: updated,
    });
    return updated;
  });
}

const stateNames: Record<ReportRow['state'], string> = {
  draft: 'ett utkast',
  in_review: 'under granskning',
  approved: 'godkänd',
  published: 'publicerad',
};

const stepNames: Record<keyof typeof transitions, string> = {
  submit: 'skickas för granskning',
  return: 'återföras till utkast',
  approve: 'godkännas',
};

/** Four eyes: when the event requires it, an approver cannot approve a report only they wrote. */
async function refuseOnlyAuthorApproval(trx: Db, actor: Actor, report: ReportRow): Promise<void> {
  const event = await requireEvent(trx, report.event_id);
  if (event.four_eyes !== 1) return;
  const contributors = await contributorsOf(trx, report.id);
  if (contributors.length > 0 && contributors.every((person) => person.id === actor.userId)) {
    throw errors.ownReportApproval();
  }
}

/**
 * Publishes an approved report: freezes a public and an internal snapshot with their SHA-256
 * hashes, marks the report published, and queues its e-mails, all in one transaction.
 */
export async function publishReport(
  db: Db,
  actor: Actor,
  eventId: number,
  reportId: number,
  version: number,
  hooks: PublishHooks,
  options: { publishedAt?: string } = {},
) {
  return db.transaction().execute(async (trx) => {
    const before = await loadReport(trx, eventId, reportId);
    if (before.state !== 'approved') {
      throw errors.wrongState('Bara en godkänd rapport kan publiceras.');
    }
    const publishedAt = options.publishedAt ?? new Date().toISOString();
    const updated = await updateReport(trx, reportId, version, {
      state: 'published',
      published_at: publishedAt,
      published_by: actor.userId,
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(before);
    const { ids: snapshotIds, hashes: snapshotHashes } = await freezeSnapshots(trx, updated);
    await indexPublishedReport(trx, updated);
    await hooks.afterPublish(trx, updated, snapshotIds);
    await recordAudit(trx, actor, {
      action: 'report.publish',
      entityType: 'report',
      entityId: reportId,
      eventId,
      before,
      after: { ...updated, snapshotIds, snapshotHashes },
    });
    return updated;
  });
}

/** The published report's public text in the event's search; a correction replaces it. */
async function indexPublishedReport(trx: Db, report: ReportRow) {
  const sections = visibleSections(await sectionsOf(trx, report.id), 'public');
  await indexForSearch(trx, {
    eventId: report.event_id,
    kind: 'report',
    entityId: report.id,
    title: report.title,
    body: sections.map((section) => `${section.title}\n${section.text}`).join('\n\n'),
    internal: false,
    at: report.published_at!,
  });
}

async function freezeSnapshots(trx: Db, report: ReportRow) {
  const event = await requireEvent(trx, report.event_id);
  const sections = await sectionsOf(trx, report.id);
  const trust = await reportTrust(trx, event, report);
  const authors = (await contributorsOf(trx, report.id)).map((person) => person.name);
  const approver =
    (await userNamesByIds(trx, [report.approved_by])).get(report.approved_by ?? -1) ?? null;
  const dataAsOf = await dataAsOfOfPeriod(
    trx,
    event.id,
    coveredPeriod(event, new Date(report.compiled_at)).key,
  );
  const ids = { public: 0, internal: 0 };
  const hashes = { public: '', internal: '' };
  for (const audience of ['public', 'internal'] as const) {
    const snapshot = buildSnapshot({
      event: { ...snapshotEvent(event), readiness: trust.readiness[audience] },
      report,
      dataAsOf,
      sections,
      authors,
      approver,
      publishedAt: report.published_at,
      audience,
      period: trust.period,
      preparedBy: trust.preparedBy,
      approvedBy: trust.approvedBy,
      leadKeys: trust.leadKeys,
      sectionNumbering: trust.sectionNumbering,
    });
    const json = canonicalJson(snapshot);
    const row = await insertSnapshot(trx, {
      report_id: report.id,
      event_id: report.event_id,
      number: report.number,
      revision: report.revision,
      audience,
      snapshot_json: json,
      content_hash: contentHash(json),
      published_at: report.published_at!,
    });
    ids[audience] = row.id;
    hashes[audience] = row.content_hash;
  }
  return { ids, hashes };
}

/** The event as a snapshot names it; language and time zone only when not the defaults. */
function snapshotEvent(event: EventRow): ReportSnapshot['event'] {
  return {
    id: event.id,
    name: event.name,
    isExercise: event.is_exercise === 1,
    ...(event.language === 'en' && { language: 'en' as const }),
    ...(event.time_zone !== TIME_ZONE && { timeZone: event.time_zone }),
  };
}

/** A correction is a new revision of the same number, drafted from the published text. */
export async function startCorrection(db: Db, actor: Actor, eventId: number, reportId: number) {
  return db.transaction().execute(async (trx) => {
    const original = await loadReport(trx, eventId, reportId);
    if (original.state !== 'published')
      throw errors.wrongState('Bara en publicerad rapport kan rättas.');
    const latest = await latestRevision(trx, eventId, original.number);
    const now = new Date().toISOString();
    const { id: _id, version: _version, ...copy } = original;
    const correction = await insertReport(trx, {
      ...copy,
      revision: latest + 1,
      state: 'draft',
      corrects_report_id: original.id,
      compiled_at: now,
      return_comment: null,
      approved_by: null,
      approved_at: null,
      published_by: null,
      published_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    });
    const sections = await sectionsOf(trx, original.id);
    await insertSections(
      trx,
      sections.map(({ id: _sectionId, version: _sectionVersion, ...section }) => ({
        ...section,
        report_id: correction.id,
        updated_by: actor.userId,
        updated_at: now,
      })),
    );
    await addContributor(trx, correction.id, actor.userId);
    await recordAudit(trx, actor, {
      action: 'report.correct',
      entityType: 'report',
      entityId: correction.id,
      eventId,
      after: correction,
    });
    return correction;
  });
}

/** Deletes a draft that was never published, with its sections; the audit keeps what it held. */
export async function deleteReport(
  db: Db,
  actor: Actor,
  eventId: number,
  reportId: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const report = await loadReport(trx, eventId, reportId);
    if (report.state !== 'draft' || report.published_at !== null) {
      throw errors.wrongState('Bara ett utkast kan tas bort.');
    }
    const sections = await sectionsOf(trx, report.id);
    await deleteDraft(trx, report.id);
    await recordAudit(trx, actor, {
      action: 'report.delete',
      entityType: 'report',
      entityId: report.id,
      eventId,
      before: { ...report, sections },
    });
  });
}

export async function loadReport(db: Db, eventId: number, reportId: number): Promise<ReportRow> {
  const report = await findReport(db, eventId, reportId);
  if (!report) throw errors.notFound('Rapporten');
  return report;
}

async function loadEditableReport(db: Db, eventId: number, reportId: number): Promise<ReportRow> {
  const report = await loadReport(db, eventId, reportId);
  if (report.state !== 'draft') {
    throw errors.wrongState('Rapporten kan bara ändras som utkast. Återför den till utkast först.');
  }
  return report;
}

async function loadSection(db: Db, reportId: number, sectionId: number): Promise<SectionRow> {
  const section = await findSection(db, reportId, sectionId);
  if (!section) throw errors.notFound('Avsnittet');
  return section;
}

export function presentReport(report: ReportRow): ReportSummary {
  return {
    id: report.id,
    number: report.number,
    revision: report.revision,
    kind: report.kind,
    series: report.series,
    seriesNumber: report.series_number,
    title: report.title,
    state: report.state,
    templateId: report.template_id,
    periodStart: report.period_start,
    compiledAt: report.compiled_at,
    correctsReportId: report.corrects_report_id,
    returnComment: report.return_comment,
    approvedBy: report.approved_by,
    approvedAt: report.approved_at,
    publishedAt: report.published_at,
    version: report.version,
  };
}

/** A section with the name of who changed it last, from names read once for the whole report. */
function presentSection(section: SectionRow, names: Map<number, string>): ReportSection {
  return {
    id: section.id,
    key: section.key,
    parentKey: section.parent_key,
    level: section.level,
    title: section.title,
    kind: section.kind,
    internal: section.internal === 1,
    text: section.text,
    data: JSON.parse(section.data_json) as StoredData,
    refreshedAt: section.refreshed_at,
    updatedAt: section.updated_at,
    updatedBy: section.updated_by === null ? null : (names.get(section.updated_by) ?? null),
    version: section.version,
  };
}

async function presentSectionOf(db: Db, section: SectionRow): Promise<ReportSection> {
  return presentSection(section, await userNamesByIds(db, [section.updated_by]));
}

// What the routes answer: one function per route.

export async function reportSummaries(
  db: Db,
  eventId: number,
): Promise<{ items: ReportSummary[] }> {
  return { items: (await listReports(db, eventId)).map(presentReport) };
}

/** A report with its sections, the names of its authors and what changed since the last one. */
export async function reportDetail(
  db: Db,
  eventId: number,
  reportId: number,
): Promise<ReportDetail> {
  const report = await loadReport(db, eventId, reportId);
  const sections = await sectionsOf(db, report.id);
  const names = await userNamesByIds(
    db,
    sections.map((section) => section.updated_by),
  );
  return {
    ...presentReport(report),
    authors: (await contributorsOf(db, report.id)).map((person) => person.name),
    sections: sections.map((section) => presentSection(section, names)),
    changes: await changesSincePrevious(db, report, sections),
  };
}

export async function startReportAnswer(
  db: Db,
  actor: Actor,
  eventId: number,
  input: StartInput,
): Promise<ReportSummary> {
  return presentReport(await startReport(db, actor, eventId, input));
}

export async function saveSectionAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; reportId: number; sectionId: number },
  input: { version: number; text: string; internal?: boolean | undefined },
): Promise<ReportSection> {
  const { eventId, reportId, sectionId } = params;
  return presentSectionOf(db, await saveSection(db, actor, eventId, reportId, sectionId, input));
}

export async function refreshSectionAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; reportId: number; sectionId: number },
  version: number,
): Promise<ReportSection> {
  const { eventId, reportId, sectionId } = params;
  return presentSectionOf(
    db,
    await refreshSection(db, actor, eventId, reportId, sectionId, version),
  );
}

export async function moveReportAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; reportId: number },
  step: keyof typeof transitions,
  input: { version: number; comment?: string },
): Promise<ReportSummary> {
  return presentReport(await moveReport(db, actor, params.eventId, params.reportId, step, input));
}

export async function publishReportAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; reportId: number },
  version: number,
): Promise<ReportSummary> {
  return presentReport(
    await publishReport(db, actor, params.eventId, params.reportId, version, queueReportDeliveries),
  );
}

export async function startCorrectionAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; reportId: number },
): Promise<ReportSummary> {
  return presentReport(await startCorrection(db, actor, params.eventId, params.reportId));
}

/** What the report would leave the staff with: warnings to see and confirm before each step. */
export async function reportChecks(
  db: Db,
  eventId: number,
  reportId: number,
): Promise<{ items: ReportWarning[] }> {
  const report = await loadReport(db, eventId, reportId);
  const event = await requireEvent(db, eventId);
  return { items: await reportWarnings(db, event, report, await sectionsOf(db, report.id)) };
}

/** Who would receive the report if it were published now. */
export async function reportRecipients(
  db: Db,
  eventId: number,
  reportId: number,
): Promise<{ items: Recipient[] }> {
  await loadReport(db, eventId, reportId);
  const recipients = await recipientsOf(db, eventId);
  return {
    items: [...recipients.entries()].map(([email, { audience }]) => ({ email, audience })),
  };
}

export async function reportDeliveries(
  db: Db,
  eventId: number,
  reportId: number,
): Promise<{ items: Delivery[] }> {
  const report = await loadReport(db, eventId, reportId);
  return { items: (await deliveriesOfReport(db, report.id)).map(presentDelivery) };
}

/** The published reports an audience may read, those containing every word of a search. */
export async function reportArchive(
  db: Db,
  eventId: number,
  audience: 'public' | 'internal',
  query: string | undefined,
): Promise<Archive> {
  const words = (query ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const rows = await publishedSnapshots(db, eventId, audience);
  const items = rows
    .filter((row) =>
      words.every((word) => row.snapshot_json.toLocaleLowerCase('sv').includes(word)),
    )
    .map((row) => {
      const snapshot = verifiedSnapshot(row);
      const base = `/r/${row.event_id}/${row.number}`;
      return {
        number: row.number,
        revision: row.revision,
        kind: snapshot.report.kind,
        title: snapshot.report.title,
        compiledAt: snapshot.report.compiledAt,
        publishedAt: row.published_at,
        contentHash: row.content_hash,
        correctsReportId: snapshot.report.correctsReportId,
        links: {
          public: `${base}?version=${row.revision}`,
          internal: audience === 'internal' ? `${base}/intern?version=${row.revision}` : null,
          pdf: `${base}/rapport.pdf?version=${row.revision}`,
          docx: `${base}/rapport.docx?version=${row.revision}`,
          markdown: `${base}/rapport.md?version=${row.revision}`,
        },
      };
    });
  return { items, feed: `/r/${eventId}/feed.atom` };
}

/** The Atom feed of an event's newest public reports, each checked against its hash. */
export async function reportFeed(db: Db, eventId: number, publicUrl: string): Promise<string> {
  const event = await findEvent(db, eventId);
  const rows = event ? await publishedSnapshots(db, event.id, 'public') : [];
  if (!event || rows.length === 0) throw errors.notFound('Flödet');
  return atomFeed(event, rows.slice(0, 50).map(verifiedSnapshot), publicUrl);
}
