// What a return says beyond today's fields, as "label → answer": the event's own fields, and
// any field answered "uppgift saknas". Shown with the unit's sent return and on the dashboard.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';
import { builtinKeys, isNotAvailableAnswer } from './values.ts';
import type { AnswerValue, ReturnField } from '../../../contract/return-forms.ts';
import type { Situation } from '../../../contract/situations.ts';

function answerText(field: ReturnField, value: AnswerValue, t: TFunction): string {
  if (isNotAvailableAnswer(value)) return t('returnForm.notAvailable');
  if (field.kind === 'yesno') return value === true ? t('returnForm.yes') : t('returnForm.no');
  if (field.kind === 'number' && typeof value === 'number') {
    const number = formatNumber(value, field.figure.decimals);
    return field.figure.unit ? `${number} ${field.figure.unit}` : number;
  }
  return String(value);
}

/** The rows "label, answer" of the answers today's views do not show, in the form's order. */
export function answerRows(
  fields: readonly ReturnField[],
  situation: Situation,
  t: TFunction,
): [string, string][] {
  return fields.flatMap((field): [string, string][] => {
    const value = situation.answers[field.key];
    if (value === undefined) return [];
    const builtin = (builtinKeys as readonly string[]).includes(field.key);
    if (builtin && !isNotAvailableAnswer(value)) return [];
    return [[field.label, answerText(field, value, t)]];
  });
}

export function ReturnAnswers({
  fields,
  situation,
  title,
  headingLevel = 3,
}: {
  fields: readonly ReturnField[];
  situation: Situation;
  title?: string;
  /** 2 where the page has no other section above it, so that heading levels go one at a time. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const rows = answerRows(fields, situation, t);
  if (rows.length === 0) return null;
  const titleId = `answers-${situation.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="return-answers" aria-labelledby={titleId}>
      <Heading id={titleId}>{title ?? t('returnForm.answersTitle')}</Heading>
      <dl className="summary-list">
        {rows.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The dashboard's block: each unit's latest return's other answers. */
export function ReturnAnswersPanel({
  fields,
  situations,
}: {
  fields: ReturnField[];
  situations: Situation[];
}) {
  const { t } = useTranslation();
  const shown = situations.filter((situation) => answerRows(fields, situation, t).length > 0);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="return-answers-title" className="panel">
      <h2 id="return-answers-title" className="panel__title">
        {t('returnForm.answersTitle')}
      </h2>
      {shown.map((situation) => (
        <ReturnAnswers
          key={situation.id}
          fields={fields}
          situation={situation}
          title={t('returnForm.answersOf', { unit: situation.unit.name })}
        />
      ))}
    </section>
  );
}
