// Prints the gzip size of the JavaScript the web app loads at start (the entry script and its
// modulepreloads from dist/web/index.html) against the 150 kB budget. Lazy chunks are listed apart.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, webOutDir } from '../src/web/build.ts';

const webBudgetKb = 150;

await buildWeb({ quiet: true });
const html = fs.readFileSync(path.join(webOutDir, 'index.html'), 'utf8');
const initial = new Set(
  [
    ...html.matchAll(
      /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g,
    ),
  ].map((match) => match[1]!),
);
const assets = fs
  .readdirSync(path.join(webOutDir, 'assets'))
  .filter((file) => /\.(js|css)$/.test(file))
  .map((file) => `assets/${file}`);

const sizeOf = (file: string) => {
  const content = fs.readFileSync(path.join(webOutDir, file));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
};
const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);

let initialGzip = 0;
console.log('file'.padEnd(44), 'raw kB', ' gzip kB', ' loaded');
for (const file of assets) {
  const size = sizeOf(file);
  const isInitial = initial.has(file) || file.endsWith('.css');
  if (initial.has(file)) initialGzip += size.gzip;
  console.log(file.padEnd(44), kb(size.raw), kb(size.gzip), isInitial ? ' initial' : ' lazy');
}
const met = initialGzip <= webBudgetKb * 1024;
console.log(
  `\nInitial JS (gzip): ${(initialGzip / 1024).toFixed(1)} kB of ${webBudgetKb} kB budget: ${met ? 'met' : 'NOT met'}`,
);
if (!met) process.exitCode = 1;
