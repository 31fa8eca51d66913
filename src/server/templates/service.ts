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
  type TemplateFile,
  type TemplatePreview,
  type copyTemplateBody,
  type createTemplateBody,
  defaultIdentity,
  type updateTemplateBody,
} from '../../contract/templates.ts';
import {
  type TemplateSection,
  duplicateKeys,
  flattenSections,
} from '../../contract/template-sections.ts';
import {
  type ListKind,
  listColumns,
  listKinds,
  unknownColumns,
} from '../../contract/block-params.ts';
import { requireEvent } from '../events/service.ts';
import type { EventRow } from '../events/repository.ts';
import { compileSectionData, expandUnitSections, resolveTitle } from '../reports/compile.ts';
import { draftReportRow } from '../reports/draft-row.ts';
import { type ReportRow, latestPublished } from '../reports/repository.ts';
import type { ReportTemplateSetup } from '../../contract/setups.ts';

type EventLanguage = EventRow['language'];

/** The template as the API shows it; without its own identity, the default in the event's language. */
export function presentTemplate(row: TemplateRow, language: EventLanguage): Template {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    kind: row.kind,
    identity: identityOf(row, language),
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

/**
 * How the template's reports are named and numbered; a template without its own has the default
 * in the event's language (series and labels aside, only its title pattern differs by language).
 */
export function identityOf(row: TemplateRow, language: EventLanguage = 'sv'): ReportIdentity {
  return row.identity_json === null
    ? defaultIdentity(language)
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
    refuseInvalidSections(template.sections);
    await insertNewTemplate(trx, actor, eventId, template);
  }
}

export async function createTemplate(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createTemplateBody>,
) {
  refuseInvalidSections(input.sections);
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
  refuseInvalidSections(input.sections);
  return db.transaction().execute(async (trx) => {
    const before = await loadTemplate(trx, eventId, templateId);
    const updated = await updateTemplate(trx, templateId, input.version, {
      name: input.name,
      sections_json: JSON.stringify(input.sections),
      ...(input.identity !== undefined && { identity_json: identityJson(input.identity) }),
      updated_by: actor.userId,
    });
    if (!updated) {
      throw errors.conflict(presentTemplate(before, (await requireEvent(trx, eventId)).language));
    }
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

/**
 * Compiles sections being designed against the event's live data, as the next report would
 * draw them, and stores nothing but the audit record of who looked.
 */
export async function previewTemplate(
  db: Db,
  actor: Actor,
  eventId: number,
  sections: TemplateSection[],
): Promise<TemplatePreview> {
  refuseInvalidSections(sections);
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    const report = transientReport(event, await latestPublished(trx, eventId), actor);
    const flat = flattenSections(await expandUnitSections(trx, event, report, sections));
    const compiled: TemplatePreview['sections'] = [];
    for (const { section, level, parentKey } of flat) {
      const data = await compileSectionData(trx, event, report, section);
      compiled.push({
        key: section.key,
        parentKey,
        level,
        title: resolveTitle(section.title, event, report),
        kind: section.kind,
        internal: section.internal,
        text:
          section.kind === 'about' ? section.text.replaceAll('{event}', event.name) : section.text,
        data: data.blocks,
      });
    }
    await recordAudit(trx, actor, {
      action: 'template.preview',
      entityType: 'template',
      entityId: 'preview',
      eventId,
      after: { sections: flat.map(({ section }) => section.key) },
    });
    return { compiledAt: report.compiled_at, sections: compiled };
  });
}

/** The report the next draft would be, never stored: the compiler reads only its window. */
function transientReport(
  event: EventRow,
  previous: ReportRow | undefined,
  actor: Actor,
): ReportRow {
  const row = draftReportRow(event, previous, actor, {
    number: 0,
    kind: 'regular',
    series: defaultIdentity().series,
    seriesNumber: 0,
    templateId: 0,
    title: '',
    compiledAt: new Date().toISOString(),
  });
  return { id: 0, version: 1, ...row };
}

/** A template file becomes a new template of the event, under the name it carries. */
export async function importTemplate(
  db: Db,
  actor: Actor,
  eventId: number,
  file: TemplateFile,
): Promise<TemplateRow> {
  return createTemplate(db, actor, eventId, {
    name: file.name,
    identity: file.identity,
    sections: file.sections,
  });
}

/** What the schema cannot check alone: keys unique in the tree, list columns their list has. */
function refuseInvalidSections(sections: TemplateSection[]): void {
  refuseDuplicateKeys(sections);
  refuseUnknownColumns(sections);
}

function refuseDuplicateKeys(sections: TemplateSection[]): void {
  const duplicates = duplicateKeys(sections);
  if (duplicates.length > 0) {
    throw errors.badRequest(`Avsnittsnyckeln ${duplicates.join(', ')} används mer än en gång.`, {
      field: 'sections',
    });
  }
}

const listNames: Record<ListKind, string> = {
  decisions: 'besluten',
  actions: 'åtgärderna',
  risks: 'riskerna',
  diversions: 'hänvisningarna',
  log: 'loggen',
  milestones: 'milstolparna',
  communication: 'kommunikationen',
  readiness: 'beredskapsläget',
};

/** A section's list columns must be ones that every list it shows (its kind or includes) has. */
function refuseUnknownColumns(sections: TemplateSection[]): void {
  for (const { section } of flattenSections(sections)) {
    const columns = section.list?.columns ?? [];
    const shown = [section.kind, ...section.includes].filter((kind): kind is ListKind =>
      (listKinds as string[]).includes(kind),
    );
    for (const kind of shown) {
      const [unknown] = unknownColumns(kind, columns);
      if (unknown !== undefined) {
        throw errors.badRequest(
          `Avsnittet ”${section.title}” har kolumnen ${unknown}, som inte finns i ${listNames[kind]} (välj bland ${listColumns[kind].join(', ')}).`,
          { field: 'sections' },
        );
      }
    }
  }
}

// What the routes answer: one function per route.

/** The templates as the API shows them, in the event's language. */
async function presented(db: Db, eventId: number, rows: TemplateRow[]): Promise<Template[]> {
  const { language } = await requireEvent(db, eventId);
  return rows.map((row) => presentTemplate(row, language));
}

async function presentedOne(db: Db, eventId: number, row: TemplateRow): Promise<Template> {
  const [template] = await presented(db, eventId, [row]);
  return template!;
}

export async function templatesOfEvent(db: Db, eventId: number): Promise<{ items: Template[] }> {
  return { items: await presented(db, eventId, await listTemplates(db, eventId)) };
}

export async function templateOf(db: Db, eventId: number, templateId: number): Promise<Template> {
  return presentedOne(db, eventId, await loadTemplate(db, eventId, templateId));
}

export async function createTemplateAnswer(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createTemplateBody>,
): Promise<Template> {
  return presentedOne(db, eventId, await createTemplate(db, actor, eventId, input));
}

export async function importTemplateAnswer(
  db: Db,
  actor: Actor,
  eventId: number,
  file: TemplateFile,
): Promise<Template> {
  return presentedOne(db, eventId, await importTemplate(db, actor, eventId, file));
}

export async function copyTemplateAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; templateId: number },
  input: z.infer<typeof copyTemplateBody>,
): Promise<Template> {
  const copy = await copyTemplate(db, actor, params.eventId, params.templateId, input);
  return presentedOne(db, params.eventId, copy);
}

export async function changeTemplateAnswer(
  db: Db,
  actor: Actor,
  params: { eventId: number; templateId: number },
  input: z.infer<typeof updateTemplateBody>,
): Promise<Template> {
  const changed = await changeTemplate(db, actor, params.eventId, params.templateId, input);
  return presentedOne(db, params.eventId, changed);
}
