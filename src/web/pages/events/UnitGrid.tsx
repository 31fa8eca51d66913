// The overview's grid: each unit's situation per area, readiness, and what changed live.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScaleValue, StateTag } from '../../kit/status.tsx';
import { formatTime, periodLabel } from '../../format.ts';
import type { Picture, SectionKey } from './DashboardPage.tsx';
import { CompletenessLine } from './DashboardPanels.tsx';
import type { Situation } from '../../../contract/situations.ts';
import type { ReturnField } from '../../../contract/return-forms.ts';
import { areaKeys } from '../../clients/situations.ts';

type ScaleField = ReturnField & { kind: 'status' | 'prognosis' };

/** The form's fields answered on a scale: the grid's columns, in the form's order. */
function scaleFieldsOf(fields: readonly ReturnField[]): ScaleField[] {
  return fields.filter(
    (field): field is ScaleField => field.kind === 'status' || field.kind === 'prognosis',
  );
}

/** A unit's answer to a scale field: today's fields in their own properties, else its answers. */
function levelKeyOf(situation: Situation, field: ScaleField): string | null | 'notAvailable' {
  const own = situation.answers[field.key];
  if (own && typeof own === 'object') return 'notAvailable';
  if (field.key === 'overallStatus') return situation.overallStatus;
  if (field.key === 'prognosis') return situation.prognosis;
  if ((areaKeys as readonly string[]).includes(field.key)) {
    return situation.areas[field.key as (typeof areaKeys)[number]];
  }
  return typeof own === 'string' ? own : null;
}

export function shortWeek(period: string): string {
  const match = /W(\d{2})$/.exec(period);
  return match ? `v. ${Number(match[1])}` : periodLabel(period);
}

export function rowSignatures(picture: Picture): Map<string, string> {
  const rows = new Map<string, string>();
  const latest = situationsByUnit(picture.situations);
  for (const unit of picture.readiness.units) {
    const report = picture.completeness.units.find((item) => item.unitId === unit.unitId);
    rows.set(`unit-${unit.unitId}`, JSON.stringify([unit, latest.get(unit.unitId), report]));
  }
  return rows;
}

export function situationsByUnit(situations: Situation[]): Map<number, Situation> {
  return new Map(situations.map((situation) => [situation.unit.id, situation]));
}

export function sectionTitle(key: SectionKey, t: (key: string) => string): string {
  const titles: Record<SectionKey, string> = {
    readiness: 'dashboard.readiness',
    units: 'dashboard.units',
    diversions: 'dashboard.diversions',
    figures: 'dashboard.figures',
    actions: 'dashboard.actions',
    decisions: 'dashboard.decisions',
    log: 'dashboard.log',
  };
  return t(titles[key]);
}

export function ReadinessTag({ level }: { level: string }) {
  const { t } = useTranslation();
  const rank = ['normal', 'stabsläge', 'förstärkningsläge', 'katastrofläge'].indexOf(level);
  return (
    <span className={`tag tag--readiness tag--readiness-${Math.max(rank, 0)}`}>
      <span className="readiness-bars" aria-hidden="true">
        {[0, 1, 2, 3].map((bar) => (
          <span key={bar} className={bar <= rank ? 'on' : undefined} />
        ))}
      </span>
      {t(`readinessLevel.${level}`, { defaultValue: level })}
    </span>
  );
}

export function LiveStatus({ state, updatedAt }: { state: string; updatedAt: Date | null }) {
  const { t } = useTranslation();
  return (
    <p className={`live live--${state}`}>
      <span className="live__dot" aria-hidden="true" />
      {state === 'open' ? t('dashboard.live') : t('dashboard.offline')}
      {updatedAt && (
        <span className="muted"> · {t('dashboard.liveAt', { time: formatTime(updatedAt) })}</span>
      )}
    </p>
  );
}

export function UnitGrid({
  picture,
  fields,
  flash,
  canReview,
  dataAsOfForm,
}: {
  picture: Picture;
  /** The event's return form's fields: its scale questions are the grid's columns. */
  fields: ReturnField[];
  flash: (key: string) => string;
  /** Whether the user may accept or return a submitted situation: the row links to it. */
  canReview: boolean;
  /** The form that sets the period's "data as of", for those who may. */
  dataAsOfForm?: ReactNode;
}) {
  const { t } = useTranslation();
  const columns = scaleFieldsOf(fields);
  const period = picture.completeness.period;
  const latest = situationsByUnit(picture.situations);
  return (
    <section aria-labelledby="units-title" className={`panel panel--units${flash('units')}`}>
      <div className="panel__head">
        <h2 id="units-title" className="panel__title">
          {t('dashboard.units')}
        </h2>
        <CompletenessLine completeness={picture.completeness} />
        <Link to={`/events/${picture.event.id}/input-requests`}>{t('inputRequests.manage')}</Link>
        {dataAsOfForm}
      </div>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="units-title">
        <table className="table table--grid">
          <caption className="visually-hidden">
            {t('dashboard.unitsCaption', { period: periodLabel(period) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.unit')}</th>
              {columns.map((field) => (
                <th scope="col" key={field.key}>
                  {field.label}
                </th>
              ))}
              <th scope="col">
                {t('dashboard.reported')} {period ? shortWeek(period) : ''}
              </th>
            </tr>
          </thead>
          <tbody>
            {picture.readiness.units.map((unit) => {
              const situation = latest.get(unit.unitId);
              const report = picture.completeness.units.find((item) => item.unitId === unit.unitId);
              const old = situation && period && situation.period !== period;
              return (
                <tr key={unit.unitId} className={flash(`unit-${unit.unitId}`)}>
                  <th
                    scope="row"
                    style={
                      unit.depth > 0 ? { paddingInlineStart: `${unit.depth * 1.25}rem` } : undefined
                    }
                  >
                    <UnitName shortName={unit.shortName} name={unit.name} />
                    {unit.level !== 'normal' && (
                      <span className="tag tag--compact tag--unit-readiness">
                        {t(`readinessLevel.${unit.level}`, { defaultValue: unit.level })}
                      </span>
                    )}
                  </th>
                  {situation ? (
                    <>
                      {columns.map((field, index) => (
                        <td
                          key={field.key}
                          className={old ? `is-old${index === 0 ? ' nowrap' : ''}` : undefined}
                        >
                          <GridValue field={field} situation={situation} />
                          {old && index === 0 && (
                            <span className="old-note">
                              {t('dashboard.fromPeriod', { period: shortWeek(situation.period) })}
                            </span>
                          )}
                        </td>
                      ))}
                    </>
                  ) : (
                    <td colSpan={Math.max(columns.length, 1)} className="muted">
                      {t('dashboard.noReport')}
                    </td>
                  )}
                  <td>
                    {report ? (
                      <>
                        <StateTag state={report.state} />
                        {report.late && (
                          <span className="tag tag--late tag--compact">
                            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                              <circle
                                cx="8"
                                cy="8"
                                r="6.3"
                                fill="none"
                                stroke="currentColor"
                                strokeWidth="1.6"
                              />
                              <path
                                d="M8 4.5V8l2.5 1.6"
                                stroke="currentColor"
                                strokeWidth="1.6"
                                fill="none"
                              />
                            </svg>
                            {t('dashboard.late')}
                          </span>
                        )}
                        {canReview &&
                          report.state === 'submitted' &&
                          situation?.period === period && (
                            <Link to={`/events/${picture.event.id}/situations/${situation.id}`}>
                              {t('inputRequests.review')}
                              <span className="visually-hidden">: {unit.name}</span>
                            </Link>
                          )}
                      </>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A unit by its short name; its full name is the title and what assistive tech reads. */
export function UnitName({ shortName, name }: { shortName: string; name: string }) {
  if (shortName === name) return <span className="unit-short">{name}</span>;
  return (
    <>
      <abbr className="unit-short" title={name} aria-hidden="true">
        {shortName}
      </abbr>
      <span className="visually-hidden">{name}</span>
    </>
  );
}

function GridValue({ field, situation }: { field: ScaleField; situation: Situation }) {
  const { t } = useTranslation();
  const key = levelKeyOf(situation, field);
  if (key === 'notAvailable') return <span className="muted">{t('returnForm.notAvailable')}</span>;
  return <ScaleValue kind={field.kind} levelKey={key} compact />;
}
