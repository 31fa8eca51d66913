import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { findMigrationFiles, migrationName } from '../src/server/db/migration-files.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoot = path.join(projectRoot, 'src');

/**
 * Builds the server and its command line (src/cli/main.ts) into one ES module,
 * `<folder>/lagesbild.js` (plus chunks loaded on first use), runnable with plain `node` (no TypeScript loader), and returns its
 * path. Packages stay external and load from node_modules: some read their own files at run
 * time (pdfmake's fonts, swagger-ui's assets) and better-sqlite3 is native. So the folder must
 * lie inside the project, where node_modules resolves.
 */
export async function bundleServer(folder: string): Promise<string> {
  const outfile = path.resolve(folder, 'lagesbild.js');
  if (path.relative(projectRoot, outfile).startsWith('..')) {
    throw new Error(`The server bundle must be written inside ${projectRoot}`);
  }
  await fs.mkdir(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: { lagesbild: path.join(sourceRoot, 'cli/main.ts') },
    outdir: path.dirname(outfile),
    bundle: true,
    // Rendering (echarts, pdfmake, docx) is imported on first use; its own chunk keeps start-up fast.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [staticMigrations(), sourceLocations()],
  });
  return outfile;
}

/** Migrations are found by listing folders at run time; the bundle imports them statically. */
function staticMigrations(): Plugin {
  return {
    name: 'static-migrations',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]server[\\/]db[\\/]migration-files\.ts$/ }, () => {
        const files = findMigrationFiles();
        const imports = files.map(
          (file, index) => `import * as m${index} from ${JSON.stringify(file)};`,
        );
        const entries = files.map(
          (file, index) => `${JSON.stringify(migrationName(file))}: m${index},`,
        );
        return {
          contents: [
            ...imports,
            'export async function loadMigrations() {',
            `  return { ${entries.join(' ')} };`,
            '}',
          ].join('\n'),
          loader: 'ts',
          resolveDir: sourceRoot,
        };
      });
    },
  };
}

/**
 * Keeps `import.meta.url` pointing at each source file, so that paths computed from it (such
 * as the built web app in dist/web) stay where they are in the source tree.
 */
function sourceLocations(): Plugin {
  return {
    name: 'source-locations',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const contents = await fs.readFile(args.path, 'utf8');
        if (!contents.includes('import.meta.url')) return undefined;
        return {
          contents: contents.replaceAll(
            'import.meta.url',
            JSON.stringify(pathToFileURL(args.path).href),
          ),
          loader: 'ts',
        };
      });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = process.argv[2] ?? path.join(projectRoot, 'dist/server');
  console.log(`Server bundle written to ${await bundleServer(folder)}`);
}
