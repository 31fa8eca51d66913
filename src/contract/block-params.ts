import { z } from 'zod';
import { figureKey } from './figures.ts';

// What a template section's data block shows, chosen by whoever designs the template. Every
// field has a default that gives the block as it was before it could be configured, so a stored
// template without these parameters compiles exactly as it did.

/** How one figure's value for one unit in one period is read from its observations. */
export const valueRules = ['latest', 'at_time', 'sum', 'max', 'min', 'average'] as const;
export type ValueRule = (typeof valueRules)[number];

/** The rules whose values add up across places: a unit's latest, its value at a time, its sum. */
export const addingRules: readonly ValueRule[] = ['latest', 'at_time', 'sum'];

/** What the change beside a value is measured against. */
export const comparisons = [
  'none',
  'previous_report',
  'previous_period',
  'same_period_last_week',
  'baseline',
] as const;
export type Comparison = (typeof comparisons)[number];

/**
 * - rows: one row per figure and unit (figure, unit, period, value, level), as before;
 * - matrix: units down, figures across;
 * - list: one line per figure, "Figure: value";
 * - compound: a figure with its parts, "N, varav M …".
 */
export const figureLayouts = ['rows', 'matrix', 'list', 'compound'] as const;
export type FigureLayout = (typeof figureLayouts)[number];

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange tiden som tt:mm, t.ex. 08:00.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datumet som ÅÅÅÅ-MM-DD.');

/** A threshold band: values from `from` upwards (until the next band) get its label; below the lowest, "Under <from>". */
export const figureBand = z
  .object({
    from: z.number({ error: 'Ange bandets gräns som ett tal, t.ex. 10 eller 2,5.' }),
    label: z.string().trim().min(1, 'Ange bandets namn.').max(60),
  })
  .strict();

export const figureChoice = z
  .object({
    key: figureKey,
    /** Shown instead of the figure's own name. */
    label: z.string().trim().max(120).optional(),
    rule: z.enum(valueRules).default('latest'),
    /** With rule at_time: the value observed last at or before this local time of the period's last day. */
    atTime: clockTime.optional(),
    decimals: z.number().int().min(0).max(3).optional(),
    /** Shown instead of the figure's own unit of measure. */
    unitOfMeasure: z.string().trim().max(20).optional(),
    /** In the compound layout: the key of the figure this one is a part of ("varav"). */
    partOf: figureKey.optional(),
    /**
     * A percentage computed from two counts, 100 × part ÷ whole: where a unit has no value of its
     * own (several facilities reported) and for the total, instead of no value.
     */
    ratioOf: z.object({ part: figureKey, whole: figureKey }).strict().optional(),
    bands: z.array(figureBand).max(6).default([]),
  })
  .strict()
  .refine((choice) => choice.rule !== 'at_time' || choice.atTime !== undefined, {
    message: 'Ange klockslaget för värdet vid en viss tid.',
    path: ['atTime'],
  })
  .refine((choice) => !choice.ratioOf || addingRules.includes(choice.rule), {
    message:
      'En andel räknas av sina delar bara med senaste värdet, värdet vid ett klockslag eller summan.',
    path: ['rule'],
  });
export type FigureChoice = z.infer<typeof figureChoice>;

export const keyFigureBlock = z
  .object({
    /** Empty: every figure of the event, each by its latest value, as before. */
    figures: z.array(figureChoice).max(30).default([]),
    /** Empty: the event's units. A group's id stands for the units under it. */
    units: z.array(z.number().int().positive()).max(500).default([]),
    layout: z.enum(figureLayouts).default('rows'),
    comparison: z.enum(comparisons).default('previous_period'),
    /** With comparison baseline: the day whose values are the baseline, in the event's time zone. */
    baselineDate: isoDate.optional(),
    subtotals: z.boolean().default(true),
    total: z.boolean().default(true),
    /** Shown where a unit has no value. */
    missingMark: z
      .string()
      .trim()
      .min(1, 'Ange vad som visas när ett värde saknas.')
      .max(20)
      .default('u/a'),
    /** A line "N av M enheter har rapporterat". */
    showReported: z.boolean().default(false),
    chart: z.boolean().default(true),
    /** One copy of the block per unit, each showing only that unit's values. */
    repeatPerUnit: z.boolean().default(false),
  })
  .strict()
  .refine((block) => block.comparison !== 'baseline' || block.baselineDate !== undefined, {
    message: 'Ange vilken dag som är utgångsläge.',
    path: ['baselineDate'],
  });
export type KeyFigureBlock = z.infer<typeof keyFigureBlock>;

/** The record lists a template can show, and the columns each can have, in their default order. */
export const listColumns = {
  decisions: ['date', 'forum', 'text', 'decided_by'],
  actions: ['text', 'owner', 'due', 'state'],
  risks: ['title', 'likelihood', 'consequence', 'score', 'trend'],
  diversions: ['place', 'categories', 'redirected_to', 'span'],
  log: ['time', 'text', 'author'],
  milestones: ['name', 'date', 'change'],
  communication: ['date', 'channels', 'title'],
  readiness: ['unit', 'level', 'since', 'reason'],
} as const;
export type ListKind = keyof typeof listColumns;
export const listKinds = Object.keys(listColumns) as ListKind[];

export const listBlock = z
  .object({
    /** Empty: the list's default columns. Names come from `listColumns` of the section's kind. */
    columns: z
      .array(z.string().regex(/^[a-z_]{1,40}$/))
      .max(12)
      .default([]),
    /** Log: only entries marked significant. */
    significantOnly: z.boolean().default(false),
    /** Actions and diversions: only what is still open or ongoing. */
    openOnly: z.boolean().default(false),
    /** Risks: only those whose score (likelihood × consequence) is at least this. */
    minRiskScore: z.number().int().min(1).max(16).optional(),
    /** At most this many items, newest first where the list has a time. */
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type ListBlock = z.infer<typeof listBlock>;

/** The columns a list section names that its kind does not have. */
export function unknownColumns(kind: ListKind, columns: readonly string[]): string[] {
  const known: readonly string[] = listColumns[kind];
  return columns.filter((column) => !known.includes(column));
}
