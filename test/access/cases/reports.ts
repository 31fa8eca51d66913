import type { Client } from '../../support/app.ts';
import { failedDelivery } from '../../support/deliveries.ts';
import { adminEmail, demoPeople } from '../../support/app.ts';
import type { AuditContext, RouteCases, Who } from '../types.ts';
import { allRoles } from '../types.ts';

const insiders = [
  'admin',
  'staff',
  'unit_reporter',
  'communicator',
  'approver',
  'designer',
] as const;

interface Draft {
  id: number;
  version: number;
  sections: { id: number; key: string; kind: string; version: number }[];
}

async function draftReport(context: AuditContext, staff: Client): Promise<Draft> {
  const started = await staff.post(`/api/events/${context.t.eventId}/reports`, { kind: 'extra' });
  return (await staff.get(`/api/events/${context.t.eventId}/reports/${started.json().id}`)).json();
}

async function submittedReport(context: AuditContext) {
  const staff = await context.as(demoPeople.staff);
  const draft = await draftReport(context, staff);
  const submitted = await staff.post(
    `/api/events/${context.t.eventId}/reports/${draft.id}/submit`,
    {
      version: draft.version,
    },
  );
  return submitted.json() as { id: number; version: number };
}

async function approvedReport(context: AuditContext) {
  const submitted = await submittedReport(context);
  const approver = await context.as(demoPeople.approver);
  const approved = await approver.post(
    `/api/events/${context.t.eventId}/reports/${submitted.id}/approve`,
    {
      version: submitted.version,
    },
  );
  return { approver, report: approved.json() as { id: number; version: number } };
}

const designers: Who = { roles: ['admin', 'designer'] };

export const cases: RouteCases = {
  'GET /api/events/:eventId/templates': { who: { roles: allRoles } },
  'GET /api/events/:eventId/templates/:templateId': { who: { roles: allRoles } },
  'POST /api/events/:eventId/templates': {
    who: designers,
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/templates`,
      body: { name: 'Extra rapport', sections: [{ key: 'lage', title: 'Läget', kind: 'text' }] },
    }),
  },
  'POST /api/events/:eventId/templates/:templateId/copy': {
    who: designers,
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const templates = (await admin.get(`/api/events/${t.eventId}/templates`)).json().items;
      return {
        client: admin,
        method: 'POST',
        url: `/api/events/${t.eventId}/templates/${templates[0].id}/copy`,
        body: { name: 'Kopia av veckomallen' },
      };
    },
  },
  'PUT /api/events/:eventId/templates/:templateId': {
    who: designers,
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const template = (await admin.get(`/api/events/${t.eventId}/templates`)).json().items[1];
      return {
        client: admin,
        method: 'PUT',
        url: `/api/events/${t.eventId}/templates/${template.id}`,
        body: {
          version: template.version,
          name: template.name,
          sections: [...template.sections].reverse(),
        },
      };
    },
  },
  'POST /api/events/:eventId/templates/preview': {
    who: designers,
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/templates/preview`,
      body: { sections: [{ key: 'lage', title: 'Läget', kind: 'key_figures' }] },
    }),
  },
  'POST /api/events/:eventId/templates/import': {
    who: designers,
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/templates/import`,
      body: {
        format: 'lagesbild-template',
        formatVersion: 1,
        name: 'Importerad mall',
        sections: [{ key: 'lage', title: 'Läget', kind: 'text' }],
      },
    }),
  },
  'GET /api/events/:eventId/reports': { who: { roles: [...insiders] } },
  'GET /api/events/:eventId/report-series': { who: { roles: [...insiders] } },
  'PUT /api/events/:eventId/report-series/:series': {
    who: designers,
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const series = (await admin.get(`/api/events/${t.eventId}/report-series`)).json().items;
      const main = series.find((item: { series: string }) => item.series === 'main');
      return {
        client: admin,
        method: 'PUT',
        url: `/api/events/${t.eventId}/report-series/main`,
        body: {
          nextNumber: main.nextNumber + 1,
          ...(main.version !== null && { version: main.version }),
        },
      };
    },
  },
  'POST /api/events/:eventId/reports': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/reports`,
      body: { kind: 'extra' },
    }),
  },
  'GET /api/events/:eventId/reports/:reportId': { who: { roles: [...insiders] } },
  'DELETE /api/events/:eventId/reports/:reportId': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const staff = await context.as(demoPeople.staff);
      const draft = await draftReport(context, staff);
      return {
        client: staff,
        method: 'DELETE',
        url: `/api/events/${context.t.eventId}/reports/${draft.id}`,
      };
    },
  },
  'GET /api/events/:eventId/reports/:reportId/checks': { who: { roles: [...insiders] } },
  'PUT /api/events/:eventId/reports/:reportId/sections/:sectionId': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const staff = await context.as(demoPeople.staff);
      const draft = await draftReport(context, staff);
      const section = draft.sections.find((candidate) => candidate.kind === 'text')!;
      return {
        client: staff,
        method: 'PUT',
        url: `/api/events/${context.t.eventId}/reports/${draft.id}/sections/${section.id}`,
        body: { version: section.version, text: 'Läget är lugnt.' },
      };
    },
  },
  'POST /api/events/:eventId/reports/:reportId/sections/:sectionId/refresh': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const staff = await context.as(demoPeople.staff);
      const draft = await draftReport(context, staff);
      const section = draft.sections.find((candidate) => candidate.kind === 'communication')!;
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/reports/${draft.id}/sections/${section.id}/refresh`,
        body: { version: section.version },
      };
    },
  },
  'POST /api/events/:eventId/reports/:reportId/submit': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const staff = await context.as(demoPeople.staff);
      const draft = await draftReport(context, staff);
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/reports/${draft.id}/submit`,
        body: { version: draft.version },
      };
    },
  },
  'POST /api/events/:eventId/reports/:reportId/return': {
    who: { roles: ['admin', 'approver'] },
    write: async (context) => {
      const submitted = await submittedReport(context);
      return {
        client: await context.as(demoPeople.approver),
        method: 'POST',
        url: `/api/events/${context.t.eventId}/reports/${submitted.id}/return`,
        body: { version: submitted.version, comment: 'Komplettera med läget på akuten.' },
      };
    },
  },
  'POST /api/events/:eventId/reports/:reportId/approve': {
    who: { roles: ['admin', 'approver'] },
    write: async (context) => {
      const submitted = await submittedReport(context);
      return {
        client: await context.as(demoPeople.approver),
        method: 'POST',
        url: `/api/events/${context.t.eventId}/reports/${submitted.id}/approve`,
        body: { version: submitted.version },
      };
    },
  },
  'POST /api/events/:eventId/reports/:reportId/publish': {
    who: { roles: ['admin', 'approver'] },
    write: async (context) => {
      const { approver, report } = await approvedReport(context);
      return {
        client: approver,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/reports/${report.id}/publish`,
        body: { version: report.version },
      };
    },
  },
  'POST /api/events/:eventId/reports/:reportId/correct': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const reports = (await staff.get(`/api/events/${t.eventId}/reports`)).json().items;
      const published = reports.find((report: { state: string }) => report.state === 'published');
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${t.eventId}/reports/${published.id}/correct`,
      };
    },
  },
  'GET /api/events/:eventId/reports/:reportId/recipients': { who: { roles: [...insiders] } },
  'GET /api/events/:eventId/reports/:reportId/deliveries': { who: { roles: [...insiders] } },
  'GET /assets/report.css': { who: 'anyone' },
  'GET /r/:eventId/:number': { who: 'anyone' },
  'GET /r/:eventId/:number/:file': { who: 'anyone' },
  'GET /r/:eventId/:number/intern': { who: { roles: [...insiders] } },
  'GET /r/:eventId/:number/intern/:file': { who: { roles: [...insiders] } },
  'GET /r/:eventId/feed.atom': { who: 'anyone' },
  'GET /api/events/:eventId/archive': { who: { roles: allRoles } },
  'GET /api/events/:eventId/distribution-lists': { who: { roles: ['admin'] } },
  'POST /api/events/:eventId/distribution-lists': {
    who: { roles: ['admin'] },
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/distribution-lists`,
      body: {
        name: 'Politisk ledning',
        audience: 'public',
        recipients: [{ email: 'ledning@example.se', name: 'Ledningen' }],
      },
    }),
  },
  'PUT /api/events/:eventId/distribution-lists/:listId': {
    who: { roles: ['admin'] },
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const created = await admin.post(`/api/events/${t.eventId}/distribution-lists`, {
        name: 'Chefer',
        audience: 'internal',
        recipients: [],
      });
      return {
        client: admin,
        method: 'PUT',
        url: `/api/events/${t.eventId}/distribution-lists/${created.json().id}`,
        body: {
          version: 1,
          name: 'Chefer',
          audience: 'internal',
          recipients: [{ email: 'chef@example.se' }],
        },
      };
    },
  },
  'GET /api/events/:eventId/subscription': { who: { roles: allRoles } },
  'POST /api/events/:eventId/subscription': {
    who: { roles: allRoles },
    write: async ({ t, as }) => ({
      client: await as(demoPeople.communicator),
      method: 'POST',
      url: `/api/events/${t.eventId}/subscription`,
    }),
  },
  'GET /api/mail-status': { who: 'signed_in' },
  'GET /api/events/:eventId/outbox': { who: { roles: ['admin'] } },
  'POST /api/events/:eventId/deliveries/:deliveryId/resend': {
    who: { roles: ['admin'] },
    write: async ({ t, as }) => {
      const { deliveryId } = await failedDelivery(
        t.database.db,
        t.eventId,
        `resend-${Date.now()}@example.se`,
        '550 Mailbox unavailable',
      );
      return {
        client: await as(adminEmail),
        method: 'POST',
        url: `/api/events/${t.eventId}/deliveries/${deliveryId}/resend`,
      };
    },
  },
  'GET /unsubscribe/:token': { who: 'anyone' },
  'POST /unsubscribe/:token': {
    who: 'anyone',
    write: async ({ t, as }) => {
      const reader = await as(demoPeople.reader);
      await reader.post(`/api/events/${t.eventId}/subscription`);
      const row = await t.database.db
        .selectFrom('subscriptions')
        .select('token')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { client: t.anonymous(), method: 'POST', url: `/unsubscribe/${row.token}` };
    },
  },
};
