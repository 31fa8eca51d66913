// What a unit's return says beyond today's fields: the key figures its number fields feed, and
// a block "label → answer" for the event's own fields and for any field answered
// "uppgift saknas".
import type { Block } from '../../core/report-snapshot.ts';
import {
  type AnswerValue,
  type Answers,
  type ReturnField,
  fieldFigures,
  isAnswered,
  isBuiltinField,
  isNotAvailable,
} from '../../contract/return-forms.ts';
import { type ReportWording, reportWording } from '../../core/report-wording.ts';
import { formatFigure } from './wording.ts';

const SWEDISH = reportWording('sv');

/**
 * The rows "key figure, value" of the number fields, in the form's order; a figure answered
 * "uppgift saknas" reads so and is never 0.
 */
export function fieldFigureRows(
  fields: readonly ReturnField[],
  answers: Answers,
  words = SWEDISH,
): string[][] {
  return fieldFigures(fields, answers).map((figure) => [
    figure.name,
    figure.value === null
      ? words.notAvailable
      : formatFigure(figure.value, figure.unit, undefined, undefined, words),
  ]);
}

function answerText(field: ReturnField, value: AnswerValue, words: ReportWording): string {
  if (isNotAvailable(value)) return words.notAvailable;
  if (field.kind === 'yesno') return value === true ? words.yes : words.no;
  return String(value);
}

/** Whether the field is shown in the block of answers rather than in today's blocks. */
function isOwnAnswer(field: ReturnField, value: AnswerValue): boolean {
  if (field.kind === 'number') return false;
  return !isBuiltinField(field.key) || isNotAvailable(value);
}

/** The block "label → answer" of the answered fields that today's blocks do not show. */
export function answerBlocks(
  fields: readonly ReturnField[],
  answers: Answers,
  words = SWEDISH,
): Block[] {
  const rows = fields.flatMap((field) => {
    const value = answers[field.key];
    if (!isAnswered(value) || !isOwnAnswer(field, value!)) return [];
    return [[field.label, answerText(field, value!, words)]];
  });
  if (rows.length === 0) return [];
  return [
    {
      type: 'table',
      columns: [
        { label: words.answerColumns[0], align: 'left' },
        { label: words.answerColumns[1], align: 'left' },
      ],
      rows,
    },
  ];
}
