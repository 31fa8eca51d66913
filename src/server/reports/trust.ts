import type { Role } from '../../core/access.ts';
import type { PersonWithRole, ReportSnapshot } from '../../core/report-snapshot.ts';
import { periodLabel } from '../../core/time.ts';
import { type ReportWording, reportWording } from '../../core/report-wording.ts';
import { type TemplateSection, flattenSections } from '../../contract/template-sections.ts';
import type { Db } from '../db/schema.ts';
import type { EventRow } from '../events/repository.ts';
import { coveredPeriod } from '../events/periods.ts';
import { findChangeAt } from '../readiness/repository.ts';
import { type TemplateRow, findTemplate } from '../templates/repository.ts';
import { identityOf } from '../templates/service.ts';
import type { SectionNumbering } from '../../contract/templates.ts';
import { type ReportRow, contributorsOf, rolesOfPeople } from './repository.ts';

/** Which of a person's roles names them: the one that fits what they did to the report. */
const PREPARER_ROLES: Role[] = ['staff', 'communicator', 'admin', 'approver', 'unit_reporter'];
const APPROVER_ROLES: Role[] = ['approver', 'admin', 'staff', 'communicator', 'unit_reporter'];

/** What a reader needs to trust a report, as its snapshot carries it. */
export interface ReportTrust {
  period: string;
  preparedBy: PersonWithRole[];
  approvedBy: PersonWithRole | null;
  /** The event's readiness at compile time, per audience: the public one leaves internal changes out. */
  readiness: Record<'public' | 'internal', NonNullable<ReportSnapshot['event']['readiness']>>;
  /** The keys of the template's lead summary sections. */
  leadKeys: Set<string>;
  /** How the template numbers the section headings. */
  sectionNumbering: SectionNumbering;
}

export async function reportTrust(
  db: Db,
  event: EventRow,
  report: ReportRow,
): Promise<ReportTrust> {
  const preparers = (await contributorsOf(db, report.id)).map((person) => person.id);
  const approverIds = report.approved_by === null ? [] : [report.approved_by];
  const people = await rolesOfPeople(db, event.id, [...new Set([...preparers, ...approverIds])]);
  const words = reportWording(event.language);
  const withRole = (userId: number, order: Role[]) => personWithRole(people, userId, order, words);
  const template = await findTemplate(db, event.id, report.template_id);
  return {
    period: periodLabel(
      coveredPeriod(event, new Date(report.compiled_at)).key,
      event.language,
      event.time_zone,
    ),
    preparedBy: preparers.map((id) => withRole(id, PREPARER_ROLES)),
    approvedBy: report.approved_by === null ? null : withRole(report.approved_by, APPROVER_ROLES),
    readiness: {
      public: await readinessAt(db, event.id, report.compiled_at, false, words),
      internal: await readinessAt(db, event.id, report.compiled_at, true, words),
    },
    leadKeys: leadKeysOf(template),
    sectionNumbering: template ? (identityOf(template).sectionNumbering ?? 'none') : 'none',
  };
}

function personWithRole(
  people: { id: number; name: string; is_admin: number; role: Role | null }[],
  userId: number,
  order: Role[],
  words: ReportWording,
): PersonWithRole {
  const rows = people.filter((person) => person.id === userId);
  const roles = new Set(rows.map((row) => row.role));
  const role = order.find((candidate) => roles.has(candidate));
  const fallback = rows[0]?.is_admin === 1 ? words.systemAdmin : words.roles.reader;
  return { name: rows[0]?.name ?? '', role: role ? words.roles[role] : fallback };
}

async function readinessAt(
  db: Db,
  eventId: number,
  at: string,
  includeInternal: boolean,
  words: ReportWording,
) {
  const change = await findChangeAt(db, eventId, null, at, includeInternal);
  return { name: words.readiness[change?.level ?? 'normal'], since: change?.changed_at ?? null };
}

function leadKeysOf(template: TemplateRow | undefined): Set<string> {
  const sections = template ? (JSON.parse(template.sections_json) as TemplateSection[]) : [];
  return new Set(
    flattenSections(sections)
      .filter(({ section }) => section.lead === true)
      .map(({ section }) => section.key),
  );
}
