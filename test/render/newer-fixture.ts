import type { ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { reportFixture } from './fixture.ts';

/** Authored text with everything the editor writes: breaks, numbered and nested lists, a table. */
export const FORMATTED_TEXT = [
  'Läget rad ett',
  'rad två med [1177](https://www.1177.se)',
  '',
  '3. Tredje steget',
  '4. Fjärde steget',
  '',
  '- Övergripande',
  '  - Nästlad punkt',
  '',
  '| Enhet | Beläggningsgrad | Vårdplatser |',
  '| --- | ---: | ---: |',
  '| NÄL | 87 % | 120 |',
  '| SÄS | 92 % | 210 |',
  '| Skaraborg | 78 % | 95 |',
].join('\n');

/**
 * A report as publishing now freezes it: the trust lines, a lead summary written after the
 * other sections, section times and text in the editor's dialect.
 */
export function newerReportFixture(): ReportSnapshot {
  const snapshot = reportFixture();
  snapshot.event.readiness = { name: 'Stabsläge', since: '2024-11-01T07:00:00Z' };
  snapshot.report.dataAsOf = '2024-11-05T13:00:00Z';
  snapshot.report.period = 'vecka 45 2024';
  snapshot.report.preparedBy = [
    { name: 'Karin Ek', role: 'Stab' },
    { name: 'Johan Lindqvist', role: 'Kommunikatör' },
  ];
  snapshot.report.approvedBy = { name: 'Maria Holm', role: 'Godkännare' };
  snapshot.sections = [
    {
      key: 'text',
      title: 'Läget i regionen',
      level: 1,
      kind: 'text',
      internal: false,
      blocks: [{ type: 'markdown', markdown: FORMATTED_TEXT, gfm: true }],
      updatedAt: '2024-11-05T15:45:00Z',
    },
    ...snapshot.sections.slice(1, 3),
    {
      key: 'lead',
      title: 'I korthet',
      level: 1,
      kind: 'text',
      internal: false,
      blocks: [{ type: 'markdown', markdown: 'Läget är **ansträngt** men stabilt.', gfm: true }],
      updatedAt: '2024-11-05T16:10:00Z',
      lead: true,
    },
  ];
  return snapshot;
}
