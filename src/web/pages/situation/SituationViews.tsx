// The return's status radios, and read-only views: the summary, the submitted return and the
// conflict panel.
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../kit/messages.tsx';
import { ScaleChoice, ScaleValue } from '../../kit/status.tsx';
import { formatDateTime } from '../../format.ts';
import { type Values, valuesOf } from './values.ts';
import type { Situation, StatusColor } from '../../../contract/situations.ts';
import { areaKeys } from '../../clients/situations.ts';

/** The return's choice of a status on the event's scale; `large` shows each level's meaning. */
export function StatusRadios({
  name,
  legend,
  hint,
  value,
  onChange,
  error,
  large = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: StatusColor | null;
  onChange: (status: StatusColor) => void;
  error?: string | undefined;
  large?: boolean;
}) {
  return (
    <ScaleChoice
      kind="status"
      name={name}
      legend={legend}
      {...(hint !== undefined && { hint })}
      value={value}
      onChange={onChange}
      error={error}
      meanings={large}
    />
  );
}

export function SituationSummary({ values, compare }: { values: Values; compare?: Values }) {
  const { t } = useTranslation();
  const row = (label: string, content: ReactNode, differs: boolean) => (
    <div className={differs ? 'differs' : undefined}>
      <dt>
        {label}
        {differs && <span className="differs-note">{t('report.differs')}</span>}
      </dt>
      <dd>{content}</dd>
    </div>
  );
  const figures = (of: Values) =>
    of.keyFigures.map((figure) => `${figure.name}: ${figure.value} ${figure.unit}`.trim());
  return (
    <dl className="summary-list">
      {row(
        t('report.overall'),
        <ScaleValue kind="status" levelKey={values.overallStatus} />,
        !!compare && compare.overallStatus !== values.overallStatus,
      )}
      {areaKeys.map((area) => (
        <Fragment key={area}>
          {row(
            t(`areas.${area}`),
            <ScaleValue kind="status" levelKey={values.areas[area]} />,
            !!compare && compare.areas[area] !== values.areas[area],
          )}
        </Fragment>
      ))}
      {row(
        t('report.prognosis'),
        <ScaleValue kind="prognosis" levelKey={values.prognosis} />,
        !!compare && compare.prognosis !== values.prognosis,
      )}
      {row(
        t('report.bullets'),
        <span className="pre-line">{values.bullets || '–'}</span>,
        !!compare && compare.bullets.trim() !== values.bullets.trim(),
      )}
      {(values.keyFigures.length > 0 || (compare && compare.keyFigures.length > 0)) &&
        row(
          t('report.figures'),
          <ul className="plain-list">
            {figures(values).map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>,
          !!compare && JSON.stringify(figures(compare)) !== JSON.stringify(figures(values)),
        )}
    </dl>
  );
}

export function SubmittedView({ situation }: { situation: Situation }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice>{t('report.submittedNote', { when: formatDateTime(situation.submittedAt) })}</Notice>
      <SituationSummary values={valuesOf(situation)} />
    </>
  );
}

export function ConflictPanel({
  theirs,
  yours,
  onKeepMine,
  onTakeTheirs,
  busy,
}: {
  theirs: Situation;
  yours: Values;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const editable = theirs.state === 'draft' || theirs.state === 'returned';
  return (
    <section className="conflict" id="conflict" tabIndex={-1} aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('report.conflictTitle')}</h2>
      <p>
        {t('report.conflictText', {
          version: theirs.version,
          when: formatDateTime(theirs.provenance.updatedAt),
        })}
      </p>
      <div className="conflict__columns">
        <div>
          <h3>{t('report.theirs')}</h3>
          <SituationSummary values={valuesOf(theirs)} compare={yours} />
        </div>
        <div>
          <h3>{t('report.yours')}</h3>
          <SituationSummary values={yours} compare={valuesOf(theirs)} />
        </div>
      </div>
      <div className="button-group">
        {editable && (
          <button type="button" className="button" disabled={busy} onClick={onKeepMine}>
            {t('report.keepMine')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onTakeTheirs}
        >
          {t('report.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
