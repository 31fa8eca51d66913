// The preview of a section as the published page shows it (src/render/html.ts and its CSS):
// Markdown as React elements, data blocks read-only, charts as a small SVG with their values.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';
import { InlineMarkdown, Markdown } from './Markdown.tsx';
import type { ReportSection } from '../../../contract/reports.ts';
import type { Block, ChartSpec } from '../../../core/report-snapshot.ts';
import { textColourOn } from '../../../core/contrast.ts';

export function sectionBlocks(
  section: Pick<ReportSection, 'text' | 'data'>,
  audience: 'public' | 'internal',
  text = section.text,
): Block[] {
  const textBlocks: Block[] = text.trim() ? [{ type: 'markdown', markdown: text, gfm: true }] : [];
  return [...textBlocks, ...(audience === 'public' ? section.data.public : section.data.internal)];
}

export function SectionPreview({
  section,
  text,
  audience,
  headingLevel = 3,
}: {
  section: Pick<ReportSection, 'title' | 'level' | 'internal' | 'text' | 'data'>;
  text?: string;
  audience: 'public' | 'internal';
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const blocks = sectionBlocks(section, audience, text);
  const level = Math.min(6, headingLevel + Math.max(0, Math.min(2, section.level - 1)));
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5';
  return (
    <section className={`preview-section preview-section--level-${Math.min(3, section.level)}`}>
      <Heading className="preview-section__title">{section.title}</Heading>
      {section.internal && (
        <p className="preview-internal-flag">
          <strong>{t('reports.preview.internalFlag')}</strong> – {t('reports.preview.notPublic')}
        </p>
      )}
      {blocks.length === 0 ? (
        <p className="muted">{t('reports.preview.empty')}</p>
      ) : (
        blocks.map((block, index) => <BlockView key={index} block={block} headingOffset={level} />)
      )}
    </section>
  );
}

export function BlockView({ block, headingOffset }: { block: Block; headingOffset: number }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'markdown':
      return (
        <Markdown
          text={block.markdown}
          dialect={block.gfm ? 'gfm' : 'subset'}
          headingOffset={headingOffset}
        />
      );
    case 'bullets':
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>
              <InlineMarkdown text={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return <PreviewTable caption={block.caption} columns={block.columns} rows={block.rows} />;
    case 'chart':
      return <ChartPreview chart={block.chart} />;
    case 'notice':
      return (
        <div className="preview-notice">
          <p>
            <strong className="preview-notice__prefix">{t('reports.preview.notice')}</strong>{' '}
            <InlineMarkdown text={block.text} />
          </p>
        </div>
      );
    case 'levels':
      return (
        <ul className="preview-levels">
          {block.items.map((item, index) => (
            <li key={index}>
              {item.label}:{' '}
              <span className="scale-swatch" aria-hidden="true" style={swatchStyle(item.level)}>
                {item.level.symbol}
              </span>{' '}
              <strong>{item.level.name}</strong>
            </li>
          ))}
        </ul>
      );
    case 'links':
      return (
        <ul className="preview-links">
          {block.items.map((item, index) => (
            <li key={index}>
              <InlineMarkdown text={`[${item.label.replace(/[[\]]/g, '')}](${item.url})`} />
            </li>
          ))}
        </ul>
      );
  }
}

function PreviewTable({
  caption,
  columns,
  rows,
}: {
  caption?: string | undefined;
  columns: { label: string; align: 'left' | 'right' }[];
  rows: string[][];
}) {
  return (
    <div className="preview-table">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.align === 'right' ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={columns[index]?.align === 'right' ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const seriesColors = ['#1f4e79', '#c05a00', '#2e7d32', '#6a3d9a', '#00797a', '#7a4a2b'];
const seriesDash = ['', '6 3', '2 3', '8 3 2 3', '', '4 4'];

/** A small line chart, with its values as a table below, as the published page has. */
function ChartPreview({ chart }: { chart: ChartSpec }) {
  const { t } = useTranslation();
  const width = 560;
  const height = 200;
  const pad = { left: 44, right: 12, top: 12, bottom: 26 };
  const values = chart.series.flatMap((series) => series.values).filter((v) => v !== null);
  const limits = [
    ...values,
    ...(chart.thresholds?.yellow !== undefined ? [chart.thresholds.yellow] : []),
    ...(chart.thresholds?.red !== undefined ? [chart.thresholds.red] : []),
  ];
  const min = limits.length ? Math.min(0, ...limits) : 0;
  const max = limits.length ? Math.max(...limits) * 1.1 || 1 : 1;
  const n = chart.labels.length;
  const x = (index: number) =>
    pad.left + (n <= 1 ? 0.5 : index / (n - 1)) * (width - pad.left - pad.right);
  const y = (value: number) =>
    pad.top + (1 - (value - min) / (max - min || 1)) * (height - pad.top - pad.bottom);
  const threshold = (value: number | undefined, color: string, label: string) =>
    value === undefined ? null : (
      <g>
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(value)}
          y2={y(value)}
          stroke={color}
          strokeDasharray="5 4"
        />
        <text x={width - pad.right} y={y(value) - 3} textAnchor="end" fontSize="11" fill={color}>
          {label}
        </text>
      </g>
    );
  return (
    <figure className="preview-chart">
      <figcaption>
        {chart.title}
        {chart.unitOfMeasure ? ` (${chart.unitOfMeasure})` : ''}
      </figcaption>
      {values.length > 0 && (
        <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={height - pad.bottom}
            y2={height - pad.bottom}
            stroke="#767676"
          />
          <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#333">
            {formatNumber(max, 0)}
          </text>
          <text x={pad.left - 6} y={y(min) + 4} textAnchor="end" fontSize="11" fill="#333">
            {formatNumber(min, 0)}
          </text>
          {chart.labels.map((label, index) => (
            <text
              key={index}
              x={x(index)}
              y={height - 8}
              textAnchor="middle"
              fontSize="11"
              fill="#333"
            >
              {label}
            </text>
          ))}
          {threshold(chart.thresholds?.yellow, '#9a6a00', t('reports.preview.yellow'))}
          {threshold(chart.thresholds?.red, '#b3261e', t('reports.preview.red'))}
          {chart.series.map((series, index) => {
            const points = series.values
              .map((value, at) => (value === null ? null : `${x(at)},${y(value)}`))
              .filter(Boolean);
            return (
              <polyline
                key={series.name}
                points={points.join(' ')}
                fill="none"
                stroke={seriesColors[index % seriesColors.length]}
                strokeWidth="2"
                strokeDasharray={seriesDash[index % seriesDash.length]}
              />
            );
          })}
        </svg>
      )}
      <PreviewTable
        columns={[
          { label: t('reports.preview.category'), align: 'left' },
          ...chart.series.map((series) => ({ label: series.name, align: 'right' as const })),
        ]}
        rows={chart.labels.map((label, index) => [
          label,
          ...chart.series.map((series) =>
            formatNumber(series.values[index] ?? null, chart.decimals),
          ),
        ])}
      />
    </figure>
  );
}

function swatchStyle(level: { colour: string }) {
  return { background: level.colour, color: textColourOn(level.colour) };
}
