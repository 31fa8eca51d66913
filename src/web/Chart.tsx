import { useTranslation } from 'react-i18next';
import { formatNumber, periodLabel, withUnit } from './format.ts';
import type { SeriesBucket } from '../contract/figures.ts';

const width = 360;
const height = 150;
const pad = { left: 34, right: 10, top: 10, bottom: 22 };

/**
 * A small line chart of a figure's value per week (each unit's latest value, added up for a
 * count) with the yellow and red thresholds as dashed lines. Weeks whose values do not add up
 * are left out. Its numbers also come as a table, behind a "Visa som tabell" that a keyboard reaches.
 */
export function WeekChart({
  title,
  buckets,
  unit,
  yellow,
  red,
  yellowLabel,
  redLabel,
}: {
  title: string;
  buckets: SeriesBucket[];
  unit: string;
  yellow: number | null;
  red: number | null;
  yellowLabel: string;
  redLabel: string;
}) {
  const points = buckets.filter((bucket) => bucket.value !== null);
  if (points.length === 0) return null;
  const values = points.map((bucket) => bucket.value!);
  const limits = [...values, ...(yellow !== null ? [yellow] : []), ...(red !== null ? [red] : [])];
  let min = Math.min(...limits);
  let max = Math.max(...limits);
  const span = max - min || Math.abs(max) || 1;
  min = Math.floor((min - span * 0.15) / 5) * 5;
  max = Math.ceil((max + span * 0.15) / 5) * 5;
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const x = (index: number) =>
    pad.left + (points.length === 1 ? innerWidth / 2 : (index / (points.length - 1)) * innerWidth);
  const y = (value: number) => pad.top + (1 - (value - min) / (max - min)) * innerHeight;
  const path = points
    .map((bucket, index) => `${index === 0 ? 'M' : 'L'}${x(index)},${y(bucket.value!)}`)
    .join(' ');
  const shortWeek = (key: string) => {
    const match = /W(\d{2})$/.exec(key);
    return match ? `v. ${Number(match[1])}` : periodLabel(key);
  };
  const description = points
    .map((bucket) => `${periodLabel(bucket.period)}: ${withUnit(formatNumber(bucket.value), unit)}`)
    .join('; ');
  const ticks = [min, (min + max) / 2, max];

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}. ${description}`}
        preserveAspectRatio="xMidYMid meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(tick)}
              y2={y(tick)}
              className="chart__grid"
            />
            <text x={pad.left - 4} y={y(tick) + 3} className="chart__axis" textAnchor="end">
              {formatNumber(tick, 0)}
            </text>
          </g>
        ))}
        {yellow !== null && (
          <g className="chart__threshold chart__threshold--yellow">
            <line x1={pad.left} x2={width - pad.right} y1={y(yellow)} y2={y(yellow)} />
            <text x={width - pad.right - 2} y={y(yellow) - 3} textAnchor="end">
              {yellowLabel} {formatNumber(yellow)}
            </text>
          </g>
        )}
        {red !== null && (
          <g className="chart__threshold chart__threshold--red">
            <line x1={pad.left} x2={width - pad.right} y1={y(red)} y2={y(red)} />
            <text x={width - pad.right - 2} y={y(red) - 3} textAnchor="end">
              {redLabel} {formatNumber(red)}
            </text>
          </g>
        )}
        <path d={path} className="chart__line" />
        {points.map((bucket, index) => (
          <g key={bucket.period}>
            <circle cx={x(index)} cy={y(bucket.value!)} r="3.2" className="chart__point" />
            <text x={x(index)} y={height - 6} className="chart__axis" textAnchor="middle">
              {shortWeek(bucket.period)}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable title={title} points={points} unit={unit} />
    </figure>
  );
}

/** The chart's points as a table, folded under a summary that Tab reaches and Enter opens. */
function ChartTable({
  title,
  points,
  unit,
}: {
  title: string;
  points: SeriesBucket[];
  unit: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="chart__data">
      <summary>
        {t('dashboard.chartTable')}
        <span className="visually-hidden">: {title}</span>
      </summary>
      <table className="table table--compact">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.chartPeriod')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.chartValue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((bucket) => (
            <tr key={bucket.period}>
              <th scope="row">{periodLabel(bucket.period)}</th>
              <td className="numeric">{withUnit(formatNumber(bucket.value), unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
