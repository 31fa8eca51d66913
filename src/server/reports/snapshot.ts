import { createHash } from 'node:crypto';
import { errors } from '../errors.ts';
import type {
  Block,
  PersonWithRole,
  ReportSnapshot,
  SectionKind,
  SnapshotSection,
} from '../../core/report-snapshot.ts';
import type { ReportRow, SectionRow } from './repository.ts';

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function contentHash(snapshotJson: string): string {
  return createHash('sha256').update(snapshotJson).digest('hex');
}

/** The frozen snapshot, only when it still matches the hash taken when it was published. */
export function verifiedSnapshot(row: {
  snapshot_json: string;
  content_hash: string;
}): ReportSnapshot {
  if (contentHash(row.snapshot_json) !== row.content_hash) throw errors.snapshotAltered();
  return JSON.parse(row.snapshot_json) as ReportSnapshot;
}

export interface SnapshotInput {
  event: ReportSnapshot['event'];
  report: ReportRow;
  dataAsOf: string | null;
  sections: SectionRow[];
  authors: string[];
  approver: string | null;
  publishedAt: string | null;
  audience: 'public' | 'internal';
  /** The trust lines: the period, who prepared and approved it, the lead summary. */
  period?: string;
  preparedBy?: PersonWithRole[];
  approvedBy?: PersonWithRole | null;
  leadKeys?: Set<string>;
  sectionNumbering?: 'none' | 'numbers' | 'letters';
}

/**
 * Freezes a report into its snapshot. The public version leaves out internal sections, with
 * everything below them, and internal items were already left out of its data blocks.
 */
export function buildSnapshot(input: SnapshotInput): ReportSnapshot {
  return {
    format: 1,
    event: input.event,
    report: {
      id: input.report.id,
      number: input.report.number,
      kind: input.report.kind,
      title: input.report.title,
      compiledAt: input.report.compiled_at,
      ...(input.dataAsOf !== null && { dataAsOf: input.dataAsOf }),
      ...(input.period !== undefined && { period: input.period }),
      ...(input.preparedBy !== undefined && { preparedBy: input.preparedBy }),
      ...(input.approvedBy && { approvedBy: input.approvedBy }),
      ...(input.sectionNumbering !== undefined &&
        input.sectionNumbering !== 'none' && { sectionNumbering: input.sectionNumbering }),
      publishedAt: input.publishedAt,
      version: input.report.revision,
      correctsReportId: input.report.corrects_report_id,
      audience: input.audience,
    },
    authors: input.authors,
    approver: input.approver,
    sections: visibleSections(input.sections, input.audience).map((section) =>
      toSnapshotSection(section, input.audience, input.leadKeys ?? new Set()),
    ),
  };
}

/** The sections an audience reads: the public one loses internal sections with all below them. */
export function visibleSections(
  sections: SectionRow[],
  audience: 'public' | 'internal',
): SectionRow[] {
  if (audience === 'internal') return sections;
  const hidden = new Set<string>();
  return sections.filter((section) => {
    const isHidden =
      section.internal === 1 || (section.parent_key !== null && hidden.has(section.parent_key));
    if (isHidden) hidden.add(section.key);
    return !isHidden;
  });
}

export interface StoredData {
  public: Block[];
  internal: Block[];
}

/** A section as the snapshot freezes it: its text in the editor's dialect, when it was updated. */
export function toSnapshotSection(
  section: SectionRow,
  audience: 'public' | 'internal',
  leadKeys: Set<string>,
): SnapshotSection {
  const data = JSON.parse(section.data_json) as StoredData;
  const textBlocks: Block[] = section.text.trim()
    ? [{ type: 'markdown', markdown: section.text, gfm: true }]
    : [];
  return {
    key: section.key,
    title: section.title,
    level: Math.min(3, Math.max(1, section.level)) as 1 | 2 | 3,
    kind: section.kind as SectionKind,
    internal: section.internal === 1,
    blocks: [...textBlocks, ...(audience === 'public' ? data.public : data.internal)],
    updatedAt: section.updated_at,
    ...(leadKeys.has(section.key) && { lead: true as const }),
  };
}
