// Shapes and endpoints of the picture and admin screens (see src/server/<capability>/routes.ts,
// schemas.ts and the present* functions in service.ts).
import {
  type Facility,
  type Page,
  type Provenance,
  type Unit,
  request,
  withQuery,
} from '../../api.ts';

type Query = Record<string, string | number | undefined>;
const ev = (eventId: number) => `/api/events/${eventId}`;

interface Recorded {
  internal: boolean;
  provenance: Provenance;
  version: number;
}

export interface LogItem extends Recorded {
  id: number;
  occurredAt: string;
  text: string;
  source: string;
  significant: boolean;
  struck: { at: string; by: number | null; reason: string } | null;
}

export interface DecisionItem extends Recorded {
  id: number;
  decidedAt: string;
  forum: string;
  mandate: string;
  text: string;
  rationale: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  diversionIds: number[];
  meetingId: number | null;
}

export interface MilestoneItem extends Recorded {
  id: number;
  title: string;
  description: string;
  plannedOn: string;
  originalOn: string;
  state: 'upcoming' | 'reached' | 'moved';
  reachedAt: string | null;
}

export const actionStates = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionState = (typeof actionStates)[number];

export interface ActionItem extends Recorded {
  id: number;
  text: string;
  owner: { name: string | null; unitId: number | null };
  dueAt: string | null;
  state: ActionState;
  overdue: boolean;
  decisionId: number | null;
  meetingId: number | null;
  handoverTo: string | null;
}

export interface RiskItem extends Recorded {
  id: number;
  title: string;
  description: string;
  likelihood: number;
  consequence: number;
  score: number;
  mitigation: string;
  owner: string;
  lastAssessedAt: string | null;
  trend: {
    direction: 'rising' | 'falling' | 'unchanged';
    previousScore: number;
    previousAssessedAt: string;
  } | null;
}

export interface Assessment {
  id: number;
  likelihood: number;
  consequence: number;
  score: number;
  mitigation: string;
  assessedBy: number | null;
  assessedAt: string;
  comment: string;
}

export const diversionCategories = ['walk_in', 'ambulance', 'secondary_transport'] as const;

export interface DiversionItem extends Recorded {
  id: number;
  facilityId: number;
  categories: string[];
  redirectedTo: string;
  startsAt: string;
  endsAt: string | null;
  decisionId: number | null;
  note: string;
}

export interface FigureItem extends Recorded {
  id: number;
  key: string;
  name: string;
  unitOfMeasure: string;
  higherIsWorse: boolean;
  yellowThreshold: number | null;
  redThreshold: number | null;
}

export interface Observation extends Recorded {
  id: number;
  figureId: number;
  value: number;
  observedAt: string;
  unitId: number | null;
  facilityId: number | null;
}

export interface CsvProblem {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportPreview {
  separator: string;
  rows: {
    row: number;
    figureId: number;
    figureKey: string;
    value: number;
    observedAt: string;
    place: string | null;
    unitId: number | null;
    facilityId: number | null;
    source: string | null;
  }[];
  errors: CsvProblem[];
  valid: boolean;
}

export const channels = [
  'intranet',
  '1177',
  'press_release',
  'press_conference',
  'social_media',
  'newsletter',
  'other',
] as const;
export const audiences = ['internal', 'external', 'both'] as const;
export const tones = ['positive', 'neutral', 'negative', 'mixed'] as const;

export interface ActivityItem extends Recorded {
  id: number;
  occurredOn: string;
  channels: string[];
  audience: string;
  title: string;
  link: string | null;
}

export interface MediaItem extends Recorded {
  id: number;
  period: string;
  articleCount: number;
  themes: string[];
  tone: string;
  comment: string;
}

export interface SpokespersonItem extends Recorded {
  id: number;
  name: string;
  title: string;
  topic: string;
  fromDate: string;
  toDate: string | null;
}

import type { User, UserWithPassword } from '../../../contract/users.ts';
import type { Grant, Role, StoredGrant } from '../../../contract/access.ts';
import type { AuditPage, AuditRecord } from '../../../contract/audit.ts';
export type { AuditRecord, Grant };

/** An account in the administrators' list; a new or reset one carries its one-time password. */
export type AdminUser = User & Partial<Pick<UserWithPassword, 'oneTimePassword'>>;

export const roles = [
  'admin',
  'staff',
  'unit_reporter',
  'communicator',
  'approver',
  'reader',
] as const satisfies readonly Role[];

export const sectionKinds = [
  'text',
  'unit_situations',
  'decisions',
  'actions',
  'diversions',
  'key_figures',
  'risks',
  'communication',
  'media',
  'spokespersons',
  'links',
  'about',
] as const;

export interface TemplateSection {
  key: string;
  title: string;
  kind: string;
  internal: boolean;
  includes: string[];
  text: string;
  children: TemplateSection[];
}

export interface TemplateItem {
  id: number;
  eventId: number;
  name: string;
  kind: string;
  sections: TemplateSection[];
  version: number;
}

export interface DistributionList {
  id: number;
  name: string;
  audience: 'public' | 'internal';
  recipients: { email: string; name: string }[];
  version: number;
}

export type Body = Record<string, unknown>;

const list =
  <T>(path: (eventId: number) => string) =>
  (eventId: number, query: Query = {}) =>
    request<Page<T>>('GET', path(eventId), undefined, query);

export const pictureApi = {
  /** Where a list downloads as CSV with the same filters, e.g. `log` or `figures/3/observations`. */
  csvUrl: (eventId: number, list: string, query: Query = {}) =>
    withQuery(`${ev(eventId)}/${list}.csv`, query),
  log: list<LogItem>((id) => `${ev(id)}/log`),
  createLog: (eventId: number, body: Body) => request<LogItem>('POST', `${ev(eventId)}/log`, body),
  updateLog: (eventId: number, id: number, body: Body) =>
    request<LogItem>('PATCH', `${ev(eventId)}/log/${id}`, body),
  strikeLog: (eventId: number, id: number, version: number, reason: string) =>
    request<LogItem>('POST', `${ev(eventId)}/log/${id}/strike`, { version, reason }),

  decisions: list<DecisionItem>((id) => `${ev(id)}/decisions`),
  decision: (eventId: number, id: number) =>
    request<DecisionItem & { actions: ActionItem[] }>('GET', `${ev(eventId)}/decisions/${id}`),
  createDecision: (eventId: number, body: Body) =>
    request<DecisionItem>('POST', `${ev(eventId)}/decisions`, body),
  updateDecision: (eventId: number, id: number, body: Body) =>
    request<DecisionItem>('PATCH', `${ev(eventId)}/decisions/${id}`, body),

  actions: list<ActionItem>((id) => `${ev(id)}/actions`),
  createAction: (eventId: number, body: Body) =>
    request<ActionItem>('POST', `${ev(eventId)}/actions`, body),
  updateAction: (eventId: number, id: number, body: Body) =>
    request<ActionItem>('PATCH', `${ev(eventId)}/actions/${id}`, body),

  risks: list<RiskItem>((id) => `${ev(id)}/risks`),
  risk: (eventId: number, id: number) =>
    request<RiskItem & { assessments: Assessment[] }>('GET', `${ev(eventId)}/risks/${id}`),
  createRisk: (eventId: number, body: Body) =>
    request<RiskItem>('POST', `${ev(eventId)}/risks`, body),
  updateRisk: (eventId: number, id: number, body: Body) =>
    request<RiskItem>('PATCH', `${ev(eventId)}/risks/${id}`, body),
  assessRisk: (eventId: number, id: number, body: Body) =>
    request<RiskItem>('POST', `${ev(eventId)}/risks/${id}/assessments`, body),

  diversions: list<DiversionItem>((id) => `${ev(id)}/diversions`),
  createDiversion: (eventId: number, body: Body) =>
    request<DiversionItem>('POST', `${ev(eventId)}/diversions`, body),
  updateDiversion: (eventId: number, id: number, body: Body) =>
    request<DiversionItem>('PATCH', `${ev(eventId)}/diversions/${id}`, body),
  endDiversion: (eventId: number, id: number, body: Body) =>
    request<DiversionItem>('POST', `${ev(eventId)}/diversions/${id}/end`, body),

  figures: list<FigureItem>((id) => `${ev(id)}/figures`),
  createFigure: (eventId: number, body: Body) =>
    request<FigureItem>('POST', `${ev(eventId)}/figures`, body),
  updateFigure: (eventId: number, id: number, body: Body) =>
    request<FigureItem>('PATCH', `${ev(eventId)}/figures/${id}`, body),
  observations: (eventId: number, figureId: number, query: Query = {}) =>
    request<Page<Observation>>(
      'GET',
      `${ev(eventId)}/figures/${figureId}/observations`,
      undefined,
      query,
    ),
  createObservation: (eventId: number, figureId: number, body: Body) =>
    request<Observation>('POST', `${ev(eventId)}/figures/${figureId}/observations`, body),
  previewImport: (eventId: number, filename: string, csv: string) =>
    request<ImportPreview>('POST', `${ev(eventId)}/figures/import/preview`, { filename, csv }),
  runImport: (eventId: number, filename: string, csv: string) =>
    request<{ source: string; imported: number }>('POST', `${ev(eventId)}/figures/import`, {
      filename,
      csv,
    }),

  activities: list<ActivityItem>((id) => `${ev(id)}/communication/activities`),
  createActivity: (eventId: number, body: Body) =>
    request<ActivityItem>('POST', `${ev(eventId)}/communication/activities`, body),
  updateActivity: (eventId: number, id: number, body: Body) =>
    request<ActivityItem>('PATCH', `${ev(eventId)}/communication/activities/${id}`, body),
  media: list<MediaItem>((id) => `${ev(id)}/communication/media`),
  createMedia: (eventId: number, body: Body) =>
    request<MediaItem>('POST', `${ev(eventId)}/communication/media`, body),
  updateMedia: (eventId: number, id: number, body: Body) =>
    request<MediaItem>('PATCH', `${ev(eventId)}/communication/media/${id}`, body),
  spokespersons: list<SpokespersonItem>((id) => `${ev(id)}/communication/spokespersons`),
  createSpokesperson: (eventId: number, body: Body) =>
    request<SpokespersonItem>('POST', `${ev(eventId)}/communication/spokespersons`, body),
  updateSpokesperson: (eventId: number, id: number, body: Body) =>
    request<SpokespersonItem>('PATCH', `${ev(eventId)}/communication/spokespersons/${id}`, body),

  milestones: (eventId: number) =>
    request<{ items: MilestoneItem[] }>('GET', `${ev(eventId)}/milestones`),
  createMilestone: (eventId: number, body: Body) =>
    request<MilestoneItem>('POST', `${ev(eventId)}/milestones`, body),
  updateMilestone: (eventId: number, id: number, body: Body) =>
    request<MilestoneItem>('PATCH', `${ev(eventId)}/milestones/${id}`, body),
  moveMilestone: (eventId: number, id: number, body: Body) =>
    request<MilestoneItem>('POST', `${ev(eventId)}/milestones/${id}/move`, body),
  reachMilestone: (eventId: number, id: number, body: Body) =>
    request<MilestoneItem>('POST', `${ev(eventId)}/milestones/${id}/reach`, body),

  units: () => request<{ items: Unit[] }>('GET', '/api/units'),
  facilities: () => request<{ items: Facility[] }>('GET', '/api/facilities'),
};

export const adminApi = {
  users: () => request<{ items: User[] }>('GET', '/api/users'),
  createUser: (body: Body) => request<UserWithPassword>('POST', '/api/users', body),
  updateUser: (id: number, body: Body) => request<User>('PATCH', `/api/users/${id}`, body),
  resetPassword: (id: number) =>
    request<UserWithPassword>('POST', `/api/users/${id}/password-reset`, {}),

  grants: (eventId: number) => request<{ items: Grant[] }>('GET', `${ev(eventId)}/grants`),
  grant: (eventId: number, body: Body) =>
    request<StoredGrant>('POST', `${ev(eventId)}/grants`, body),
  revoke: (eventId: number, id: number) => request<void>('DELETE', `${ev(eventId)}/grants/${id}`),

  createUnit: (body: Body) => request<Unit>('POST', '/api/units', body),
  updateUnit: (id: number, body: Body) => request<Unit>('PATCH', `/api/units/${id}`, body),
  createFacility: (unitId: number, body: Body) =>
    request<Facility>('POST', `/api/units/${unitId}/facilities`, body),
  updateFacility: (id: number, body: Body) =>
    request<Facility>('PATCH', `/api/facilities/${id}`, body),

  templates: (eventId: number) =>
    request<{ items: TemplateItem[] }>('GET', `${ev(eventId)}/templates`),
  saveTemplate: (eventId: number, id: number, body: Body) =>
    request<TemplateItem>('PUT', `${ev(eventId)}/templates/${id}`, body),
  copyTemplate: (eventId: number, id: number, name: string) =>
    request<TemplateItem>('POST', `${ev(eventId)}/templates/${id}/copy`, { name }),

  lists: (eventId: number) =>
    request<{ items: DistributionList[] }>('GET', `${ev(eventId)}/distribution-lists`),
  createList: (eventId: number, body: Body) =>
    request<DistributionList>('POST', `${ev(eventId)}/distribution-lists`, body),
  updateList: (eventId: number, id: number, body: Body) =>
    request<DistributionList>('PUT', `${ev(eventId)}/distribution-lists/${id}`, body),

  audit: (eventId: number | null, query: Query) =>
    request<AuditPage>('GET', eventId ? `${ev(eventId)}/audit` : '/api/audit', undefined, query),
};
