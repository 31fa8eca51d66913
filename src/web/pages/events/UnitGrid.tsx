// The overview's grid: each unit's situation per area, readiness, and what changed live.
import { useTranslation } from 'react-i18next';
import { ScaleValue, StateTag } from '../../kit/status.tsx';
import { formatTime, periodLabel } from '../../format.ts';
import type { Picture, SectionKey } from './DashboardPage.tsx';
import { CompletenessLine } from './DashboardPanels.tsx';
import type { Situation } from '../../../contract/situations.ts';
import { areaKeys } from '../../clients/situations.ts';

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

export function UnitGrid({ picture, flash }: { picture: Picture; flash: (key: string) => string }) {
  const { t } = useTranslation();
  const period = picture.completeness.period;
  const latest = situationsByUnit(picture.situations);
  return (
    <section aria-labelledby="units-title" className={`panel panel--units${flash('units')}`}>
      <div className="panel__head">
        <h2 id="units-title" className="panel__title">
          {t('dashboard.units')}
        </h2>
        <CompletenessLine completeness={picture.completeness} />
      </div>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="units-title">
        <table className="table table--grid">
          <caption className="visually-hidden">
            {t('dashboard.unitsCaption', { period: periodLabel(period) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.unit')}</th>
              <th scope="col">{t('dashboard.overall')}</th>
              {areaKeys.map((area) => (
                <th scope="col" key={area}>
                  {t(`areas.${area}`)}
                </th>
              ))}
              <th scope="col">{t('dashboard.prognosis')}</th>
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
                    <abbr title={unit.name}>{unit.code}</abbr>
                    <span className="unit-name">{unit.name}</span>
                    {unit.level !== 'normal' && (
                      <span className="tag tag--compact tag--unit-readiness">
                        {t(`readinessLevel.${unit.level}`, { defaultValue: unit.level })}
                      </span>
                    )}
                  </th>
                  {situation ? (
                    <>
                      <td className={old ? 'is-old nowrap' : undefined}>
                        <ScaleValue kind="status" levelKey={situation.overallStatus} compact />
                        {old && (
                          <span className="old-note">
                            {t('dashboard.fromPeriod', { period: shortWeek(situation.period) })}
                          </span>
                        )}
                      </td>
                      {areaKeys.map((area) => (
                        <td key={area} className={old ? 'is-old' : undefined}>
                          <ScaleValue kind="status" levelKey={situation.areas[area]} compact />
                        </td>
                      ))}
                      <td className={old ? 'is-old' : undefined}>
                        <ScaleValue kind="prognosis" levelKey={situation.prognosis} compact />
                      </td>
                    </>
                  ) : (
                    <td colSpan={7} className="muted">
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
