import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import i18n from './i18n.ts';

// A screen loaded on demand renders once the words of the areas it names (lazyPage(areas, …))
// are loaded; a key of an area it does not name, nor the shell has, would show as the key.

const web = 'src/web';
type Words = { [key: string]: string | Words };

function keysOf(words: Words, prefix = ''): string[] {
  return Object.entries(words).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(one|other)$/, '')}`]
      : keysOf(value, `${prefix}${key}.`),
  );
}

async function areaKeys(): Promise<Map<string, string[]>> {
  const areas = new Map<string, string[]>();
  for (const file of fs.readdirSync(web)) {
    const area = /^i18n-([a-z-]+)\.sv\.ts$/.exec(file)?.[1];
    if (!area || area === 'shell') continue;
    const words = (await import(`./${file}`)) as { default: Words };
    areas.set(
      area.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      keysOf(words.default),
    );
  }
  return areas;
}

/** Every lazyPage(areas, () => import('…')) in the app: the screen's module and its areas. */
function lazyScreens(): { module: string; areas: string[] }[] {
  return fs
    .readdirSync(web, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(web, file), 'utf8');
      return [
        ...source.matchAll(/lazyPage\(\s*\[([^\]]*)\],\s*\(\) =>\s*import\('([^']+)'\)/g),
      ].map((call) => ({
        module: path.join(web, path.dirname(file), call[2]!),
        areas: [...call[1]!.matchAll(/'(\w+)'/g)].map((area) => area[1]!),
      }));
    });
}

/** The app's source files a module brings, its own dynamic imports included. */
async function sourcesOf(module: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [module],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
    outdir: 'unused',
  });
  return Object.keys(metafile.inputs).filter((file) => !/i18n[\w.-]*\.ts$/.test(file));
}

/** The string literals (a template's text up to its first ${…}) that could be a key. */
function literalsIn(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/['"`]([a-zA-Z0-9_]+\.[a-zA-Z0-9_.]*)/g)].map((match) => match[1]!);
}

function isKeyIn(literal: string, keys: string[]): boolean {
  return keys.some((key) =>
    literal.endsWith('.')
      ? key.startsWith(literal)
      : key === literal || key.startsWith(`${literal}.`),
  );
}

test('every screen loaded on demand names the areas of the words it shows', async () => {
  const shell = keysOf(i18n.getResourceBundle('sv', 'translation') as Words);
  const areas = await areaKeys();
  const screens = lazyScreens();
  assert.ok(screens.length >= 50, `found ${screens.length} lazy screens`);
  const missing: string[] = [];
  for (const screen of screens) {
    const named = screen.areas.map((area) => areas.get(area) ?? assert.fail(`no area ${area}`));
    for (const file of await sourcesOf(screen.module))
      for (const literal of literalsIn(file)) {
        if (isKeyIn(literal, shell) || named.some((keys) => isKeyIn(literal, keys))) continue;
        const owners = [...areas]
          .filter(([, keys]) => isKeyIn(literal, keys))
          .map(([area]) => area);
        if (owners.length > 0)
          missing.push(`${screen.module}: ${literal} (${owners.join(' or ')})`);
      }
  }
  assert.deepEqual(missing, []);
});
