// The overview's side panels: completeness, key figures, diversions, actions, decisions, log.
import { useTranslation } from 'react-i18next';
import { WeekChart } from '../../Chart.tsx';
import { BucketValue, DiversionTag, StatusTag } from '../../kit/status.tsx';
import { formatChange, formatDateTime, formatShort, periodLabel } from '../../format.ts';
import type { ActionSummary } from '../../../contract/actions.ts';
import type { Decision } from '../../../contract/decisions.ts';
import type { DiversionBoard } from '../../../contract/diversions.ts';
import type { Series } from '../../../contract/figures.ts';
import type { LogEntry } from '../../../contract/log.ts';
import type { Completeness } from '../../../contract/situations.ts';

export function CompletenessLine({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation();
  if (!completeness.period) return <p className="completeness muted">{t('dashboard.noRequest')}</p>;
  const late = completeness.units.filter((unit) => unit.late && unit.state === 'missing');
  const share = completeness.expected ? completeness.reported / completeness.expected : 0;
  return (
    <div className="completeness">
      <meter
        min={0}
        max={completeness.expected || 1}
        value={completeness.reported}
        aria-hidden="true"
        className="completeness__meter"
      />
      <strong id="completeness-text">
        {t('dashboard.completeness', {
          reported: completeness.reported,
          expected: completeness.expected,
          period: periodLabel(completeness.period),
        })}
      </strong>
      {completeness.deadline && (
        <span className="muted">
          {t('dashboard.deadline', { when: formatShort(completeness.deadline) })}
        </span>
      )}
      {completeness.dataAsOf && (
        <span className="muted" id="completeness-data-as-of">
          {t('eventSettings.dataAsOfLine', { when: formatDateTime(completeness.dataAsOf) })}
        </span>
      )}
      {late.length > 0 && (
        <span className="tag tag--late">
          {t('dashboard.lateUnits', { units: late.map((unit) => unit.shortName).join(', ') })}
        </span>
      )}
      <span className="visually-hidden">{Math.round(share * 100)} %</span>
      <CompletenessByGroup groups={completeness.groups} />
    </div>
  );
}

/** Each group, region or nation of the event's hierarchy with its own count, indented by depth. */
function CompletenessByGroup({ groups }: { groups: Completeness['groups'] }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <ul className="completeness__groups" aria-label={t('dashboard.groupsLabel')}>
      {groups.map((group) => (
        <li key={group.unitId} style={{ paddingInlineStart: `${group.depth * 1.25}rem` }}>
          {t('dashboard.groupCompleteness', {
            name: group.name,
            reported: group.reported,
            expected: group.expected,
          })}
          {group.late > 0 && (
            <span className="tag tag--late">{t('dashboard.groupLate', { count: group.late })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function FigurePanel({
  series,
  flash,
  unitlessLabel,
}: {
  series: Series[];
  flash: string;
  unitlessLabel: string;
}) {
  const { t } = useTranslation();
  // The event's first percentage (a share reads best as a line), else its first figure.
  const main = series.find((item) => item.figure.unitOfMeasure === '%') ?? series[0];
  return (
    <section aria-labelledby="figures-title" className={`panel${flash}`}>
      <h2 id="figures-title" className="panel__title">
        {t('dashboard.figures')}
      </h2>
      {main && (
        <>
          <h3 className="panel__subtitle">
            {t('dashboard.chartTitle', { name: main.figure.name })}
          </h3>
          <WeekChart
            title={t('dashboard.chartTitle', { name: main.figure.name })}
            buckets={main.buckets}
            unit={main.figure.unitOfMeasure}
            yellow={main.figure.yellowThreshold}
            red={main.figure.redThreshold}
            yellowLabel={t('dashboard.yellowLimit')}
            redLabel={t('dashboard.redLimit')}
          />
        </>
      )}
      <table className="table table--compact table--lines">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.figure')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.lastPeriod')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('dashboard.status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((item) => {
            const last = item.buckets.at(-1);
            const unit = item.figure.unitOfMeasure;
            return (
              <tr key={item.figure.id}>
                <th scope="row">{item.figure.name}</th>
                <td className="numeric">
                  {last ? (
                    <>
                      <span className="nowrap">
                        <BucketValue bucket={last} unit={unit} unitlessLabel={unitlessLabel} />
                      </span>
                      {item.change !== null && (
                        <>
                          {' '}
                          <span className="change nowrap">({formatChange(item.change)})</span>
                        </>
                      )}
                      <span className="visually-hidden"> {periodLabel(last.period)}</span>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{last?.status && <StatusTag status={last.status} compact />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function DiversionPanel({ board, flash }: { board: DiversionBoard; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="diversions-title" className={`panel${flash}`}>
      <h2 id="diversions-title" className="panel__title">
        {t('dashboard.diversions')}
      </h2>
      <ul className="plain-list diversion-list">
        {board.items.map((item) => (
          <li key={item.facilityId} className={item.diverting ? 'is-diverting' : undefined}>
            <div className="row-between">
              <strong>{item.facilityName}</strong>
              <DiversionTag diverting={item.diverting} />
            </div>
            {item.diverting && (
              <dl className="summary-list summary-list--compact">
                <div>
                  <dt>{t('dashboard.flows')}</dt>
                  <dd>
                    {item.categories.map((category) => t(`categories.${category}`)).join(', ')}
                  </dd>
                </div>
                <div>
                  <dt>{t('dashboard.redirectedTo')}</dt>
                  <dd>{item.redirectedTo.join('; ')}</dd>
                </div>
                <div>
                  <dt>{t('dashboard.sinceCol')}</dt>
                  <dd>{formatShort(item.since)}</dd>
                </div>
              </dl>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ActionPanel({ summary, flash }: { summary: ActionSummary; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="actions-title" className={`panel${flash}`}>
      <h2 id="actions-title" className="panel__title">
        {t('dashboard.actions')}{' '}
        <span className="panel__count">
          {t('dashboard.actionsSummary', { open: summary.open, overdue: summary.overdue })}
        </span>
      </h2>
      {summary.next.length === 0 ? (
        <p className="muted">{t('dashboard.noActions')}</p>
      ) : (
        <ul className="plain-list item-list">
          {summary.next.map((action) => (
            <li key={action.id}>
              <p className="clamp-2">{action.text}</p>
              <p className="small muted">
                {action.overdue && (
                  <span className="tag tag--red tag--compact">
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <circle cx="8" cy="8" r="7" fill="currentColor" />
                      <path d="M8 4v5M8 10.8v1.6" stroke="#fff" strokeWidth="2" />
                    </svg>
                    {t('dashboard.overdue')}
                  </span>
                )}{' '}
                {action.dueAt && t('dashboard.due', { when: formatShort(action.dueAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DecisionPanel({ decisions, flash }: { decisions: Decision[]; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decisions-title" className={`panel${flash}`}>
      <h2 id="decisions-title" className="panel__title">
        {t('dashboard.decisions')}
      </h2>
      {decisions.length === 0 ? (
        <p className="muted">{t('dashboard.noDecisions')}</p>
      ) : (
        <ul className="plain-list item-list">
          {decisions.map((decision) => (
            <li key={decision.id}>
              <p className="small muted ellipsis">
                <time dateTime={decision.decidedAt}>{formatShort(decision.decidedAt)}</time> ·{' '}
                {decision.forum}
              </p>
              <p className="clamp-2">{decision.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LogPanel({ log, flash }: { log: LogEntry[]; flash: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="log-title" className={`panel${flash}`}>
      <h2 id="log-title" className="panel__title">
        {t('dashboard.log')}
      </h2>
      {log.length === 0 ? (
        <p className="muted">{t('dashboard.noLog')}</p>
      ) : (
        <ul className="plain-list item-list">
          {log.map((entry) => (
            <li key={entry.id}>
              <p className="clamp-2">
                <time dateTime={entry.occurredAt} className="small muted">
                  {formatShort(entry.occurredAt)}
                </time>{' '}
                {entry.text}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
