// Shapes and endpoints of the picture and admin screens (see src/server/<capability>/routes.ts,
// schemas.ts and the present* functions in service.ts).
import { type Facility, type Page, type Unit, request, withQuery } from '../../api.ts';

type Query = Record<string, string | number | undefined>;
const ev = (eventId: number) => `/api/events/${eventId}`;

import type { Decision as DecisionItem, DecisionWithActions } from '../../../contract/decisions.ts';
import type { LogEntry as LogItem } from '../../../contract/log.ts';

export type { DecisionItem, LogItem };

import type { Milestone as MilestoneItem, MilestoneList } from '../../../contract/milestones.ts';
export type { MilestoneItem };

import type { Action as ActionItem, ActionState } from '../../../contract/actions.ts';
import type { Assessment, Risk as RiskItem, RiskWithAssessments } from '../../../contract/risks.ts';

export type { ActionItem, ActionState, Assessment, RiskItem };

export const actionStates = [
  'open',
  'in_progress',
  'done',
  'cancelled',
] as const satisfies readonly ActionState[];

import type {
  Diversion as DiversionItem,
  DiversionCategory,
} from '../../../contract/diversions.ts';
export type { DiversionItem };
export const diversionCategories = [
  'walk_in',
  'ambulance',
  'secondary_transport',
] as const satisfies readonly DiversionCategory[];

import type {
  CsvProblem,
  Figure as FigureItem,
  ImportPreview,
  Observation,
} from '../../../contract/figures.ts';
export type { CsvProblem, FigureItem, ImportPreview, Observation };

import type {
  Activity as ActivityItem,
  Audience,
  Channel,
  MediaPicture as MediaItem,
  Spokesperson as SpokespersonItem,
  Tone,
} from '../../../contract/communication.ts';

export type { ActivityItem, MediaItem, SpokespersonItem };

export const channels = [
  'intranet',
  '1177',
  'press_release',
  'press_conference',
  'social_media',
  'newsletter',
  'other',
] as const satisfies readonly Channel[];
export const audiences = ['internal', 'external', 'both'] as const satisfies readonly Audience[];
export const tones = [
  'positive',
  'neutral',
  'negative',
  'mixed',
] as const satisfies readonly Tone[];

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

import type { TemplateSectionKind } from '../../../contract/template-sections.ts';
import type { Template as TemplateItem } from '../../../contract/templates.ts';

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
] as const satisfies readonly TemplateSectionKind[];

export type { TemplateSection } from '../../../contract/template-sections.ts';
export type { Template as TemplateItem } from '../../../contract/templates.ts';

import type { DistributionList } from '../../../contract/distribution.ts';
export type { DistributionList };

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
    request<DecisionWithActions>('GET', `${ev(eventId)}/decisions/${id}`),
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
    request<RiskWithAssessments>('GET', `${ev(eventId)}/risks/${id}`),
  createRisk: (eventId: number, body: Body) =>
    request<RiskItem>('POST', `${ev(eventId)}/risks`, body),
  updateRisk: (eventId: number, id: number, body: Body) =>
    request<RiskItem>('PATCH', `${ev(eventId)}/risks/${id}`, body),
  assessRisk: (eventId: number, id: number, body: Body) =>
    request<RiskWithAssessments>('POST', `${ev(eventId)}/risks/${id}/assessments`, body),

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

  milestones: (eventId: number) => request<MilestoneList>('GET', `${ev(eventId)}/milestones`),
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
