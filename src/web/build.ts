// Builds the web app into dist/web when it is missing or older than its sources.
// `tsx src/web/build.ts` (used by `npm start`); `--force` always builds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webOutDir = path.join(repoRoot, 'dist/web');
const inputs = [
  path.join(repoRoot, 'src/web'),
  path.join(repoRoot, 'vite.config.ts'),
  path.join(repoRoot, 'package-lock.json'),
];

function newestMtime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/** True when dist/web/index.html is missing or older than any source of the app. */
export function webBuildIsStale(): boolean {
  const index = path.join(webOutDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

/** Builds when stale. Concurrent callers (parallel test files) wait for one build, not race. */
export async function buildWeb(options: { force?: boolean; quiet?: boolean } = {}) {
  if (!options.force && !webBuildIsStale()) return false;
  return withBuildLock(async () => {
    if (!options.force && !webBuildIsStale()) return false;
    const { build } = await import('vite');
    await build({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      logLevel: options.quiet ? 'warn' : 'info',
    });
    return true;
  });
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(repoRoot, 'dist', '.web-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a crashed build is taken over after two minutes.
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > 120_000) {
        fs.rmSync(lock, { recursive: true, force: true });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const built = await buildWeb({ force: process.argv.includes('--force') });
  if (!built) console.log('Web app in dist/web is up to date.');
}
