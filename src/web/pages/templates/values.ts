// The value lists the template editor offers, each checked against its contract union.
import type {
  Comparison,
  FigureChoice,
  FigureLayout,
  KeyFigureBlock,
  ListBlock,
  ListKind,
  ValueRule,
  listColumns,
} from '../../../contract/block-params.ts';
import type { IncludableKind, TemplateSectionKind } from '../../../contract/template-sections.ts';
import type { SectionNumbering } from '../../../contract/templates.ts';
import { allOf } from '../../exhaustive.ts';

export const sectionKinds = allOf<TemplateSectionKind>()([
  'text',
  'key_figures',
  'unit_situations',
  'decisions',
  'actions',
  'risks',
  'diversions',
  'log',
  'milestones',
  'communication',
  'readiness',
  'media',
  'spokespersons',
  'links',
  'about',
]);

export const includableKinds = allOf<IncludableKind>()([
  'key_figures',
  'decisions',
  'actions',
  'risks',
  'diversions',
  'log',
  'milestones',
  'communication',
  'readiness',
  'media',
  'spokespersons',
]);

export const valueRules = allOf<ValueRule>()(['latest', 'at_time', 'sum', 'max', 'min', 'average']);
export const figureLayouts = allOf<FigureLayout>()(['rows', 'matrix', 'list', 'compound']);
export const comparisons = allOf<Comparison>()([
  'none',
  'previous_report',
  'previous_period',
  'same_period_last_week',
  'baseline',
]);

export const sectionNumberings = allOf<SectionNumbering>()(['none', 'numbers', 'letters']);

export const columnsOf: { readonly [K in ListKind]: (typeof listColumns)[K] } = {
  decisions: ['date', 'forum', 'text', 'decided_by'],
  actions: ['text', 'owner', 'due', 'state'],
  risks: ['title', 'likelihood', 'consequence', 'score', 'trend'],
  diversions: ['place', 'categories', 'redirected_to', 'span'],
  log: ['time', 'text', 'author'],
  milestones: ['name', 'date', 'change'],
  communication: ['date', 'channels', 'title'],
  readiness: ['unit', 'level', 'since', 'reason'],
};

export function isListKind(kind: string): kind is ListKind {
  return kind in columnsOf;
}

export const defaultFigureBlock: KeyFigureBlock = {
  figures: [],
  units: [],
  layout: 'rows',
  comparison: 'previous_period',
  subtotals: true,
  total: true,
  missingMark: 'u/a',
  showReported: false,
  chart: true,
  repeatPerUnit: false,
};

export const defaultFigureChoice = (key: string): FigureChoice => ({
  key,
  rule: 'latest',
  bands: [],
});

export const defaultListBlock: ListBlock = {
  columns: [],
  significantOnly: false,
  openOnly: false,
};
