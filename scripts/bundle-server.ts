import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { findMigrationFiles, migrationName } from '../src/server/db/migration-files.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoot = path.join(projectRoot, 'src');

/**
 * Packages that load from node_modules at run time: native code (better-sqlite3, pg's
 * optional pg-native, and resvg, which draws the charts as PNG for Word), packages that read their own files (pdfmake's fonts, the swagger
 * plugins' package.json and assets), pino (its transports run in worker threads from its own files), and echarts (large,
 * and only loaded with the rendering chunk).
 */
const externalPackages = [
  'better-sqlite3',
  'pg-native',
  '@resvg/resvg-js',
  'pdfmake',
  'echarts',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
] as const;

/**
 * Builds the server and its command line (src/cli/main.ts) into one ES module,
 * `<folder>/lagesbild.js` (plus chunks loaded on first use), runnable with plain `node` (no
 * TypeScript loader), and returns its path. Paths computed from `import.meta.url` (the built
 * web app in dist/web) still point into the source tree. Fewer files to find and read makes start-up faster (the crash suite restarts the server
 * dozens of times). The external packages still load from node_modules, so the folder must lie
 * inside the project, where node_modules resolves.
 */
export async function bundleServer(
  folder: string,
  entry: { name: string; file: string } = {
    name: 'lagesbild',
    file: path.join(sourceRoot, 'cli/main.ts'),
  },
): Promise<string> {
  const outfile = path.resolve(folder, `${entry.name}.js`);
  if (path.relative(projectRoot, outfile).startsWith('..')) {
    throw new Error(`The server bundle must be written inside ${projectRoot}`);
  }
  await fs.mkdir(path.dirname(outfile), { recursive: true });
  const built = await build({
    entryPoints: { [entry.name]: entry.file },
    outdir: path.dirname(outfile),
    bundle: true,
    // Rendering (echarts, pdfmake, docx) is imported on first use; its own chunk keeps start-up fast.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...externalPackages],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as lagesbildRequire } from 'node:module'; const require = lagesbildRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [staticMigrations(), sourceLocations()],
    write: false,
  });
  await Promise.all(
    built.outputFiles.map((file) =>
      fs.writeFile(file.path, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents),
    ),
  );
  return outfile;
}

/**
 * esbuild escapes non-ASCII characters in strings but copies comments and regular expression
 * literals as they are. One such character anywhere makes V8 hold the whole source, which it keeps
 * for lazy compilation, as a two-byte string: 10 MB of heap for the 5 MB bundle instead of 5.
 * A \uXXXX escape means the same UTF-16 unit in a regular expression (with or without the u flag)
 * and nothing in a comment.
 */
export function asciiOnly(code: string): string {
  return code.replace(/[^\p{ASCII}]/gu, (character) =>
    [...Array(character.length).keys()]
      .map((index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/** Migrations are found by listing folders at run time; the bundle imports them statically. */
function staticMigrations(): Plugin {
  return {
    name: 'static-migrations',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]server[\\/]db[\\/]migration-files\.ts$/ }, () => {
        const files = findMigrationFiles();
        const names = files.map(migrationName);
        const repeated = names.find((name, index) => names.indexOf(name) !== index);
        if (repeated) throw new Error(`Two migrations share the name ${repeated}`);
        const imports = files.map(
          (file, index) => `import * as m${index} from ${JSON.stringify(file)};`,
        );
        const entries = names.map((name, index) => `${JSON.stringify(name)}: m${index},`);
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
      builder.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(sourceRoot)) return undefined;
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
