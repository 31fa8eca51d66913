import type { ReportSnapshot, SnapshotSection } from '../../src/core/report-snapshot.ts';

/** A weekly report modelled on the staff's real one; names and figures are invented. */
export function reportFixture(): ReportSnapshot {
  return {
    format: 1,
    event: { id: 7, name: 'Införande av nytt vårdinformationssystem', isExercise: false },
    report: {
      id: 412,
      number: 12,
      kind: 'regular',
      title: 'Regional rapport vecka 45',
      compiledAt: '2024-11-05T16:30:00Z',
      publishedAt: '2024-11-05T17:05:00Z',
      version: 1,
      correctsReportId: null,
      audience: 'internal',
    },
    authors: ['Karin Ek', 'Johan Lindqvist'],
    approver: 'Maria Holm, regional tjänsteman i beredskap',
    sections: [
      {
        key: 'overview',
        title: 'Övergripande lägesbild och åtgärder',
        level: 1,
        kind: 'text',
        internal: false,
        blocks: [
          {
            type: 'markdown',
            markdown:
              'Den regionala samordningen stöttar förvaltningarna så att invånarna får **vård i rätt tid** under hela införandet.\n\n' +
              'Läs mer på [1177.se](https://www.1177.se) eller i [bilagan](#bilaga).',
          },
        ],
      },
      {
        key: 'access',
        title: 'Tillgång till vård',
        level: 2,
        kind: 'text',
        internal: false,
        blocks: [
          {
            type: 'bullets',
            items: [
              'Produktionsledarna möts varje morgon från och med vecka 44 och får styra om patientflöden vid behov.',
              'Södra Älvsborgs Sjukhus har *hög beläggningsgrad* och många inkommande patienter.',
              'Övriga sjukhus tar emot patienter från södra området när det behövs.',
            ],
          },
        ],
      },
      {
        key: 'unit-sas',
        title: 'Södra Älvsborgs Sjukhus lägesbild vecka 45',
        level: 2,
        kind: 'unit_situation',
        internal: false,
        blocks: [
          {
            type: 'bullets',
            items: [
              'Slutenvården är hårt belastad på grund av överbeläggningar; bara akut vård genomförs.',
              'Den höga beläggningsgraden gör det svårt att hinna med behörighetsarbetet och utbildningen.',
            ],
          },
          {
            type: 'table',
            caption: 'Nyckeltal vecka 45',
            columns: [
              { label: 'Nyckeltal', align: 'left' },
              { label: 'Södra Älvsborgs Sjukhus', align: 'right' },
              { label: 'NU-sjukvården', align: 'right' },
              { label: 'Skaraborgs Sjukhus', align: 'right' },
            ],
            rows: [
              ['Beläggningsgrad', '87 % (+3)', '92 % (−1)', '95 % (+2)'],
              ['Väntande på vårdplats', '14 (+5)', '6 (0)', '9 (+1)'],
              ['Besök akutmottagning per dygn', '212 (−18)', '1 045 (+12)', '188 (+4)'],
            ],
          },
          {
            type: 'chart',
            chart: {
              title: 'Beläggningsgrad vecka 41–45',
              unitOfMeasure: '%',
              labels: ['v. 41', 'v. 42', 'v. 43', 'v. 44', 'v. 45'],
              series: [
                { name: 'Södra Älvsborgs Sjukhus', values: [81, 83, 84, 84, 87] },
                { name: 'NU-sjukvården', values: [90, 91, null, 93, 92] },
                { name: 'Skaraborgs Sjukhus', values: [88.5, 90, 92, 93, 95] },
              ],
              thresholds: { yellow: 90, red: 95 },
            },
          },
        ],
      },
      {
        key: 'unit-nh',
        title: 'Närhälsans lägesbild vecka 45',
        level: 2,
        kind: 'unit_situation',
        internal: false,
        blocks: [
          {
            type: 'notice',
            text: 'Närhälsan har inte rapporterat för vecka 46; uppgifter från vecka 45',
          },
          {
            type: 'bullets',
            items: ['Arbetet med att matcha medarbetarnas behörigheter tar fortsatt mycket tid.'],
          },
        ],
      },
      {
        key: 'patient-safety',
        title: 'Patientsäkerhet',
        level: 1,
        kind: 'text',
        internal: false,
        blocks: [
          {
            type: 'markdown',
            markdown:
              'En förvaltningsövergripande grupp följer patientsäkerheten före, under och efter införandet.\n\n' +
              '- Bedömningen är att förvaltningarna har tagit det ansvar som förväntas.\n' +
              '- Bedömningen förutsätter att medarbetarna har gått _relevant utbildning_.\n' +
              '  - Stöd av systemkunniga personer finns på alla arbetspass.',
          },
        ],
      },
      {
        key: 'decisions',
        title: 'Beslut sedan förra rapporten',
        level: 1,
        kind: 'decisions',
        internal: false,
        blocks: [
          {
            type: 'table',
            columns: [
              { label: 'Datum', align: 'left' },
              { label: 'Forum', align: 'left' },
              { label: 'Beslut', align: 'left' },
            ],
            rows: [
              ['2024-11-01', 'Programstyrgruppen', 'Ny tidplan för kommunerna i södra området.'],
              [
                '2024-11-04',
                'Produktionsledarmötet',
                'Ambulanser hänvisas till andra akutmottagningar.',
              ],
            ],
          },
        ],
      },
      {
        key: 'staff-internal',
        title: 'Medarbetare och fackliga frågor',
        level: 1,
        kind: 'text',
        internal: true,
        blocks: [
          {
            type: 'bullets',
            items: [
              'Facklig samverkan sker oftare i de berörda förvaltningarna.',
              'Frågorna gäller främst utbildningens kvalitet, tidsramar och arbetsmiljö.',
            ],
          },
        ],
      },
      {
        key: 'links',
        title: 'Länkar',
        level: 1,
        kind: 'links',
        internal: false,
        blocks: [
          {
            type: 'links',
            items: [
              {
                label: 'Så söker du akut vård i södra området',
                url: 'https://www.1177.se/vastra-gotaland/',
              },
              { label: 'Kontakta samordningsstaben', url: 'mailto:stab@example.se' },
            ],
          },
        ],
      },
    ],
  };
}

export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><a href=javascript:alert(1)>x</a>",
  '[klicka](javascript:alert(1))',
  '[klicka](JaVaScRiPt:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="x" onclick="alert(1)">x</a>',
  '</style><script>alert(1)</script>',
  '<!--<script>alert(1)</script>-->',
  '<style>body{background:url(javascript:alert(1))}</style>',
];

const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '"><script>alert(1)</script>',
];

/** The fixture with every user-written string replaced by or salted with hostile payloads. */
export function hostileFixture(): ReportSnapshot {
  const base = reportFixture();
  const payload = (index: number) => XSS_PAYLOADS[index % XSS_PAYLOADS.length] ?? '';
  const hostileSection = (section: SnapshotSection, index: number): SnapshotSection => ({
    ...section,
    title: `${section.title} ${payload(index)}`,
    blocks: [
      ...section.blocks,
      { type: 'markdown', markdown: XSS_PAYLOADS.join('\n\n') },
      { type: 'bullets', items: XSS_PAYLOADS },
      { type: 'notice', text: XSS_PAYLOADS.join(' ') },
      {
        type: 'table',
        caption: payload(index + 1),
        columns: XSS_PAYLOADS.slice(0, 3).map((label) => ({ label, align: 'left' as const })),
        rows: [XSS_PAYLOADS.slice(3, 6), XSS_PAYLOADS.slice(6, 9)],
      },
      {
        type: 'links',
        items: HOSTILE_URLS.map((url, urlIndex) => ({ label: payload(urlIndex), url })),
      },
      {
        type: 'chart',
        chart: {
          title: payload(index + 2),
          unitOfMeasure: payload(index + 3),
          labels: XSS_PAYLOADS.slice(0, 3),
          series: [{ name: payload(index + 4), values: [1, 2, 3] }],
          thresholds: { yellow: 2 },
        },
      },
    ],
  });
  return {
    ...base,
    event: { ...base.event, name: payload(0), isExercise: true },
    report: { ...base.report, title: `Rapport ${payload(0)}` },
    authors: [payload(1)],
    approver: payload(2),
    sections: base.sections.map(hostileSection),
  };
}

/** The fixture scaled up for benchmarks: `sections` sections, each table `rows` rows long. */
export function largeFixture(sections = 40, rows = 60): ReportSnapshot {
  const base = reportFixture();
  const template = base.sections;
  return {
    ...base,
    sections: Array.from({ length: sections }, (_, index) => {
      const source = template[index % template.length] as SnapshotSection;
      return {
        ...source,
        key: `${source.key}-${index}`,
        title: `${source.title} (${index + 1})`,
        blocks: source.blocks.map((block) =>
          block.type === 'table'
            ? {
                ...block,
                rows: Array.from(
                  { length: rows },
                  (_, row) => block.rows[row % block.rows.length] ?? [],
                ),
              }
            : block,
        ),
      };
    }),
  };
}
