// The reports API as the server answers it (src/server/reports/routes.ts, published-routes.ts).
import type { Block } from '../../../core/report-snapshot.ts';
import { request } from '../../api.ts';

export type { Block, ChartSpec, TableColumn } from '../../../core/report-snapshot.ts';

export type ReportKind = 'regular' | 'extra' | 'final';
export type ReportState = 'draft' | 'in_review' | 'approved' | 'published';

export interface ReportSummary {
  id: number;
  number: number;
  revision: number;
  kind: ReportKind;
  title: string;
  state: ReportState;
  templateId: number;
  periodStart: string | null;
  compiledAt: string;
  correctsReportId: number | null;
  returnComment: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
  publishedAt: string | null;
  version: number;
}

export interface ReportSection {
  id: number;
  key: string;
  parentKey: string | null;
  level: number;
  title: string;
  kind: string;
  internal: boolean;
  text: string;
  data: { public: Block[]; internal: Block[] };
  refreshedAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

export type SectionChange =
  | { key: string; title: string; change: 'added' | 'removed' | 'unchanged' }
  | { key: string; title: string; change: 'changed'; added: string[]; removed: string[] };

export interface ReportDetail extends ReportSummary {
  authors: string[];
  sections: ReportSection[];
  changes: { previousReportId: number | null; sections: SectionChange[] };
}

export interface Recipient {
  email: string;
  audience: 'public' | 'internal';
}

export interface Delivery {
  email: string;
  state: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface ArchiveItem {
  number: number;
  revision: number;
  kind: ReportKind;
  title: string;
  compiledAt: string;
  publishedAt: string;
  contentHash: string;
  correctsReportId: number | null;
  links: {
    public: string;
    internal: string | null;
    pdf: string;
    docx: string;
    markdown: string;
  };
}

export interface Template {
  id: number;
  name: string;
  kind: string;
  version: number;
}

const base = (eventId: number) => `/api/events/${eventId}/reports`;
const one = (eventId: number, reportId: number) => `${base(eventId)}/${reportId}`;

export const reportsApi = {
  list: (eventId: number) => request<{ items: ReportSummary[] }>('GET', base(eventId)),
  start: (eventId: number, kind: ReportKind) =>
    request<ReportSummary>('POST', base(eventId), { kind }),
  get: (eventId: number, reportId: number) => request<ReportDetail>('GET', one(eventId, reportId)),
  saveSection: (
    eventId: number,
    reportId: number,
    sectionId: number,
    input: { version: number; text: string; internal?: boolean },
  ) => request<ReportSection>('PUT', `${one(eventId, reportId)}/sections/${sectionId}`, input),
  refreshSection: (eventId: number, reportId: number, sectionId: number, version: number) =>
    request<ReportSection>('POST', `${one(eventId, reportId)}/sections/${sectionId}/refresh`, {
      version,
    }),
  submit: (eventId: number, reportId: number, version: number) =>
    request<ReportSummary>('POST', `${one(eventId, reportId)}/submit`, { version }),
  returnToDraft: (eventId: number, reportId: number, version: number, comment: string) =>
    request<ReportSummary>('POST', `${one(eventId, reportId)}/return`, { version, comment }),
  approve: (eventId: number, reportId: number, version: number) =>
    request<ReportSummary>('POST', `${one(eventId, reportId)}/approve`, { version }),
  publish: (eventId: number, reportId: number, version: number) =>
    request<ReportSummary>('POST', `${one(eventId, reportId)}/publish`, { version }),
  correct: (eventId: number, reportId: number) =>
    request<ReportSummary>('POST', `${one(eventId, reportId)}/correct`),
  recipients: (eventId: number, reportId: number) =>
    request<{ items: Recipient[] }>('GET', `${one(eventId, reportId)}/recipients`),
  deliveries: (eventId: number, reportId: number) =>
    request<{ items: Delivery[] }>('GET', `${one(eventId, reportId)}/deliveries`),
  subscription: (eventId: number) =>
    request<{ subscribed: boolean; email: string | null }>(
      'GET',
      `/api/events/${eventId}/subscription`,
    ),
  subscribe: (eventId: number) =>
    request<{ subscribed: boolean; email: string | null }>(
      'POST',
      `/api/events/${eventId}/subscription`,
    ),
  archive: (eventId: number, q?: string) =>
    request<{ items: ArchiveItem[]; feed: string }>(
      'GET',
      `/api/events/${eventId}/archive`,
      undefined,
      { q: q || undefined },
    ),
};
