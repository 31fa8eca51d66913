// The reports API as the server answers it (src/server/reports/routes.ts, published-routes.ts).
import type {
  Archive,
  Recipient,
  ReportDetail,
  ReportKind,
  ReportSection,
  ReportSeries,
  ReportSummary,
  ReportWarning,
} from '../../contract/reports.ts';
import type { Delivery } from '../../contract/distribution.ts';
import { request } from '../api.ts';

const base = (eventId: number) => `/api/events/${eventId}/reports`;
const one = (eventId: number, reportId: number) => `${base(eventId)}/${reportId}`;

export const reportsApi = {
  list: (eventId: number) => request<{ items: ReportSummary[] }>('GET', base(eventId)),
  start: (
    eventId: number,
    input: { kind: ReportKind; templateId?: number; reopenSeries?: boolean },
  ) => request<ReportSummary>('POST', base(eventId), input),
  get: (eventId: number, reportId: number) => request<ReportDetail>('GET', one(eventId, reportId)),
  remove: (eventId: number, reportId: number) => request<null>('DELETE', one(eventId, reportId)),
  checks: (eventId: number, reportId: number) =>
    request<{ items: ReportWarning[] }>('GET', `${one(eventId, reportId)}/checks`),
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
  series: (eventId: number) =>
    request<{ items: ReportSeries[] }>('GET', `/api/events/${eventId}/report-series`),
  setNextNumber: (
    eventId: number,
    series: string,
    input: { nextNumber: number; version?: number },
  ) => request<ReportSeries>('PUT', `/api/events/${eventId}/report-series/${series}`, input),
  archive: (eventId: number, q?: string) =>
    request<Archive>('GET', `/api/events/${eventId}/archive`, undefined, { q: q || undefined }),
};
