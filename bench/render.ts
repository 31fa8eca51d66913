import { renderDocx, renderHtml, renderMarkdown, renderPdf } from '../src/render/index.ts';
import { largeFixture } from '../test/render/fixture.ts';

// Renders a large report (40 sections, tables of 60 rows) N times per format and prints the
// median against its target. Usage: node --import tsx bench/render.ts [runs]

const runs = Number(process.argv[2] ?? 7);
const snapshot = largeFixture(40, 60);

const formats: { name: string; targetMs: number; render: () => unknown }[] = [
  { name: 'HTML', targetMs: 100, render: () => renderHtml(snapshot) },
  { name: 'PDF', targetMs: 2000, render: () => renderPdf(snapshot) },
  { name: 'DOCX', targetMs: 1000, render: () => renderDocx(snapshot) },
  { name: 'Markdown', targetMs: 100, render: () => renderMarkdown(snapshot) },
];

async function medianMs(render: () => unknown): Promise<number> {
  await render();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

console.log(`${snapshot.sections.length} sections, tables of 60 rows, median of ${runs} runs`);
for (const format of formats) {
  const median = await medianMs(format.render);
  const verdict = median < format.targetMs ? 'met' : 'NOT MET';
  console.log(
    `${format.name.padEnd(9)} ${median.toFixed(1).padStart(8)} ms  target < ${format.targetMs} ms  ${verdict}`,
  );
}
