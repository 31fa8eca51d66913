import type { ReportSnapshot } from '../core/report-snapshot.ts';

/** The stylesheet of reports published before lead summaries, section times and GFM text. */
const BASE_CSS = `:root {
  --ink: #1b1b1b;
  --muted: #555b63;
  --accent: #1f3a5f;
  --rule: #c9ced6;
  --zebra: #f4f6f8;
  --notice-bg: #fff6e0;
  --notice-rule: #9a6a00;
  --internal: #6b2c91;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0;
  color: var(--ink);
  background: #ffffff;
  font-family: "Segoe UI", "Source Sans 3", "DejaVu Sans", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.55;
  overflow-wrap: break-word;
}
body > .page { max-width: 52rem; margin: 0 auto; padding: 0 1.5rem; }
.exercise-banner {
  max-width: none;
  margin: 0;
  padding: 0.6rem 1.25rem;
  border-bottom: 3px solid #8a1c1c;
  background: #fde8e8;
  color: #5c0f0f;
  text-align: center;
  letter-spacing: 0.02em;
}
.exercise-banner strong { font-size: 1.15rem; letter-spacing: 0.2em; margin-right: 0.5rem; }
.report-header { padding-top: 2rem; padding-bottom: 1rem; border-bottom: 2px solid var(--accent); }
.event-name { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.06em; }
h1 { margin: 0 0 0.5rem; color: var(--accent); font-size: 2rem; line-height: 1.2; font-weight: 700; }
.compiled { margin: 0 0 0.5rem; font-weight: 600; }
.facts { margin: 0; padding: 0; list-style: none; color: var(--muted); font-size: 0.95rem; }
.facts li { display: inline; }
.facts li + li::before { content: " · "; }
.internal-marker, .internal-flag {
  margin: 0.75rem 0 0;
  padding: 0.35rem 0.7rem;
  border-left: 4px solid var(--internal);
  background: #f5eefa;
  color: #3d1854;
  font-size: 0.95rem;
}
.internal-flag { margin: 0 0 0.75rem; }
.toc { margin-top: 1.25rem; margin-bottom: 0.5rem; font-size: 0.95rem; }
.toc-title { margin: 0 0 0.25rem; font-weight: 700; color: var(--accent); }
.toc ol { margin: 0; padding-left: 1.25rem; }
.toc ul { margin: 0; padding-left: 1.25rem; list-style: circle; }
.toc .toc-level-3 { margin-left: 1rem; list-style: square; }
main { padding-bottom: 1rem; }
h2, h3, h4 { color: var(--accent); line-height: 1.25; margin: 2rem 0 0.6rem; }
h2 { font-size: 1.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2rem; margin-top: 1.5rem; }
h4 { font-size: 1.05rem; margin-top: 1.25rem; }
p { margin: 0 0 0.75rem; }
ul, ol { margin: 0 0 0.75rem; padding-left: 1.4rem; }
li { margin-bottom: 0.3rem; }
a { color: #1a4f8b; text-decoration: underline; text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid #1a4f8b; outline-offset: 2px; }
.notice {
  margin: 0 0 1rem;
  padding: 0.6rem 0.9rem;
  border: 1px solid var(--notice-rule);
  border-left-width: 6px;
  background: var(--notice-bg);
}
.notice p { margin: 0; }
.notice-prefix { text-transform: uppercase; letter-spacing: 0.04em; margin-right: 0.25rem; }
.table-wrap { overflow-x: auto; margin: 0 0 1.25rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.35rem; color: var(--ink); }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--accent); background: #eef2f7; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: var(--zebra); }
.num { text-align: right; }
td.num, .short { white-space: nowrap; }
.chart { margin: 0 0 1.5rem; }
.chart figcaption { font-weight: 700; margin-bottom: 0.35rem; }
.chart-note { display: block; font-weight: 400; color: var(--muted); font-size: 0.9rem; }
.chart-image svg { display: block; width: 100%; height: auto; }
.chart-data summary { cursor: pointer; color: #1a4f8b; font-size: 0.95rem; margin: 0.25rem 0 0.5rem; }
.links li { margin-bottom: 0.4rem; }
.levels { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.levels .swatch { vertical-align: -1px; }
.report-footer { margin-top: 2rem; padding-top: 0.75rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.875rem; }
.report-footer p { margin: 0 0 0.25rem; }
.content-hash code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.8rem; word-break: break-all; }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  body { font-size: 10.5pt; line-height: 1.45; }
  body > .page { max-width: none; padding: 0; }
  .toc, .chart-data { display: none; }
  .exercise-banner { border: 2px solid #8a1c1c; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; }
  h3 { font-size: 12.5pt; }
  h4 { font-size: 11pt; }
  h2, h3, h4, caption, figcaption { break-after: avoid; page-break-after: avoid; }
  table, figure, .notice, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  a { color: inherit; }
  .links a[href^="http"]::after, .prose a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); word-break: break-all; }
  tbody tr:nth-child(even) { background: none; }
}
`;

/**
 * The rules for what newer snapshots carry (the lead summary, section times, GFM tables) and for
 * the published page's download links, whose label takes no separator after it.
 */
const NEWER_CSS = `.center { text-align: center; }
.downloads .facts li:first-child + li::before { content: " "; }
.lead-marker { margin: 2rem 0 0; color: var(--muted); font-size: 0.85rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; }
.lead-marker + h2, .lead-marker + h3 { margin-top: 0.25rem; }
.section-updated { margin: 0 0 0.6rem; color: var(--muted); font-size: 0.875rem; }
.prose blockquote { margin: 0 0 0.75rem; padding-left: 0.9rem; border-left: 3px solid var(--rule); }
`;

/** The report page's stylesheet (screen, and print on A4), served at /assets/report.css. */
export const REPORT_CSS = BASE_CSS + NEWER_CSS;

/**
 * The stylesheet a rendering embeds: without the newer rules for a snapshot that uses none of
 * them, so that an older report's e-mail stays byte for byte what it was.
 */
export function embeddedCss(snapshot: ReportSnapshot): string {
  return usesNewerLayout(snapshot) ? REPORT_CSS : BASE_CSS;
}

function usesNewerLayout(snapshot: ReportSnapshot): boolean {
  return snapshot.sections.some(
    (section) =>
      section.lead === true ||
      section.updatedAt !== undefined ||
      section.blocks.some((block) => block.type === 'markdown' && block.gfm === true),
  );
}
