import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type TemplateRow,
  findTemplate,
  insertTemplate,
  listTemplates,
  updateTemplate,
} from './repository.ts';
import {
  type ReportIdentity,
  type Template,
  type copyTemplateBody,
  type createTemplateBody,
  defaultIdentity,
  type updateTemplateBody,
} from '../../contract/templates.ts';
import { type TemplateSection, duplicateKeys } from '../../contract/template-sections.ts';
import type { ReportTemplateSetup } from '../../contract/setups.ts';

export function presentTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    kind: row.kind,
    identity: identityOf(row),
    sections: JSON.parse(row.sections_json) as TemplateSection[],
    provenance: {
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    },
    version: row.version,
  };
}

/** How the template's reports are named and numbered; a template without its own has the default. */
export function identityOf(row: TemplateRow): ReportIdentity {
  return row.identity_json === null
    ? defaultIdentity
    : (JSON.parse(row.identity_json) as ReportIdentity);
}

/** What the identity column stores: null keeps a template on the default identity. */
function identityJson(identity: ReportIdentity | undefined): string | null {
  return identity === undefined ? null : JSON.stringify(identity);
}

/**
 * The event's report templates as a set-up carries them, in the order they were made; the
 * identity only where the template has its own, so an unchanged event exports as before.
 */
export async function readTemplatesSetup(db: Db, eventId: number): Promise<ReportTemplateSetup[]> {
  return (await listTemplates(db, eventId)).map((row) => ({
    name: row.name,
    kind: row.kind,
    ...(row.identity_json !== null && { identity: identityOf(row) }),
    sections: JSON.parse(row.sections_json) as TemplateSection[],
  }));
}

/** Gives a new event its own copies of a set-up's templates, which its admins may then edit. */
export async function applyTemplatesSetup(
  trx: Db,
  actor: Actor,
  eventId: number,
  templates: ReportTemplateSetup[],
): Promise<void> {
  if ((await listTemplates(trx, eventId)).length > 0) {
    throw errors.wrongState('Händelsen har redan rapportmallar.');
  }
  for (const template of templates) {
    refuseDuplicateKeys(template.sections);
    await insertNewTemplate(trx, actor, eventId, template);
  }
}

export async function createTemplate(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createTemplateBody>,
) {
  refuseDuplicateKeys(input.sections);
  return db.transaction().execute((trx) =>
    insertNewTemplate(trx, actor, eventId, {
      name: input.name,
      kind: 'custom',
      identity: input.identity,
      sections: input.sections,
    }),
  );
}

export async function copyTemplate(
  db: Db,
  actor: Actor,
  eventId: number,
  templateId: number,
  input: z.infer<typeof copyTemplateBody>,
) {
  return db.transaction().execute(async (trx) => {
    const source = await loadTemplate(trx, eventId, templateId);
    return insertNewTemplate(trx, actor, eventId, {
      name: input.name,
      kind: 'custom',
      identity: input.identity ?? (source.identity_json === null ? undefined : identityOf(source)),
      sections: JSON.parse(source.sections_json) as TemplateSection[],
    });
  });
}

export async function changeTemplate(
  db: Db,
  actor: Actor,
  eventId: number,
  templateId: number,
  input: z.infer<typeof updateTemplateBody>,
) {
  refuseDuplicateKeys(input.sections);
  return db.transaction().execute(async (trx) => {
    const before = await loadTemplate(trx, eventId, templateId);
    const updated = await updateTemplate(trx, templateId, input.version, {
      name: input.name,
      sections_json: JSON.stringify(input.sections),
      ...(input.identity !== undefined && { identity_json: identityJson(input.identity) }),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentTemplate(before));
    await recordAudit(trx, actor, {
      action: 'template.update',
      entityType: 'template',
      entityId: templateId,
      eventId,
      before,
      after: updated,
    });
    return updated;
  });
}

export async function loadTemplate(
  db: Db,
  eventId: number,
  templateId: number,
): Promise<TemplateRow> {
  const template = await findTemplate(db, eventId, templateId);
  if (!template) throw errors.notFound('Mallen');
  return template;
}

async function insertNewTemplate(
  trx: Db,
  actor: Actor,
  eventId: number,
  template: {
    name: string;
    kind: TemplateRow['kind'];
    identity?: ReportIdentity | undefined;
    sections: TemplateSection[];
  },
) {
  const now = new Date().toISOString();
  const row = await insertTemplate(trx, {
    event_id: eventId,
    name: template.name,
    kind: template.kind,
    sections_json: JSON.stringify(template.sections),
    identity_json: identityJson(template.identity),
    created_by: actor.userId,
    created_at: now,
    updated_by: actor.userId,
    updated_at: now,
  });
  await recordAudit(trx, actor, {
    action: 'template.create',
    entityType: 'template',
    entityId: row.id,
    eventId,
    after: row,
  });
  return row;
}

function refuseDuplicateKeys(sections: TemplateSection[]): void {
  const duplicates = duplicateKeys(sections);
  if (duplicates.length > 0) {
    throw errors.badRequest(`Avsnittsnyckeln ${duplicates.join(', ')} används mer än en gång.`, {
      field: 'sections',
    });
  }
}

// What the routes answer: one function per route.

export async function templatesOfEvent(db: Db, eventId: number): Promise<{ items: Template[] }> {
  return { items: (await listTemplates(db, eventId)).map(presentTemplate) };
}

export async function templateOf(db: Db, eventId: number, templateId: number): Promise<Template> {
  return presentTemplate(await loadTemplate(db, eventId, templateId));
}

export async function createTemplateAnswer(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createTemplateBody>,
): Promise<Template> {
  return presentTemplate(await createTemplate(db, actor, eventId, input));
}

export async function copyTemplateAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; templateId: number },
  input: z.infer<typeof copyTemplateBody>,
): Promise<Template> {
  return presentTemplate(await copyTemplate(db, actor, params.eventId, params.templateId, input));
}

export async function changeTemplateAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; templateId: number },
  input: z.infer<typeof updateTemplateBody>,
): Promise<Template> {
  return presentTemplate(await changeTemplate(db, actor, params.eventId, params.templateId, input));
}
