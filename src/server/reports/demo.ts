import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { queueReportDeliveries } from '../distribution/service.ts';
import type { Actor } from '../http/actor.ts';
import { closingReportTexts, weeklyReportTexts } from './demo-texts.ts';
import { sectionsOf } from './repository.ts';
import { moveReport, publishReport, saveSection, startReport } from './service.ts';
import type { ReportKind } from './tables.ts';

/** The demo's two published reports: the weekly one of 5 November and the closing one of 22 November. */
export async function loadReportsDemo(db: Db, context: DemoContext): Promise<void> {
  const editor = context.actorFor('elin.bergstrom@lagesbild.local');
  const approver = context.actorFor('anders.wik@lagesbild.local');
  await publishDemoReport(
    db,
    context.eventId,
    { editor, approver },
    {
      kind: 'regular',
      compiledAt: '2024-11-05T16:30:00.000Z',
      publishedAt: '2024-11-05T16:50:00.000Z',
      texts: weeklyReportTexts,
    },
  );
  await publishDemoReport(
    db,
    context.eventId,
    { editor, approver },
    {
      kind: 'final',
      compiledAt: '2024-11-22T14:30:00.000Z',
      publishedAt: '2024-11-22T14:45:00.000Z',
      texts: closingReportTexts,
    },
  );
}

async function publishDemoReport(
  db: Db,
  eventId: number,
  people: { editor: Actor; approver: Actor },
  report: {
    kind: ReportKind;
    compiledAt: string;
    publishedAt: string;
    texts: Record<string, string>;
  },
): Promise<void> {
  const draft = await startReport(db, people.editor, eventId, {
    kind: report.kind,
    compiledAt: report.compiledAt,
  });
  for (const section of await sectionsOf(db, draft.id)) {
    const text = report.texts[section.key];
    if (text === undefined) continue;
    await saveSection(db, people.editor, eventId, draft.id, section.id, {
      version: section.version,
      text,
    });
  }
  const submitted = await moveReport(db, people.editor, eventId, draft.id, 'submit', {
    version: draft.version,
  });
  const approved = await moveReport(db, people.approver, eventId, draft.id, 'approve', {
    version: submitted.version,
  });
  await publishReport(
    db,
    people.approver,
    eventId,
    draft.id,
    approved.version,
    queueReportDeliveries,
    {
      publishedAt: report.publishedAt,
    },
  );
}
