import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RouteCases } from './types.ts';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/** Each capability keeps its route cases in its own file under cases/; they are merged here. */
export async function loadRouteCases(): Promise<RouteCases> {
  const merged: RouteCases = {};
  for (const file of fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(path.join(folder, file)).href)) as {
      cases: RouteCases;
    };
    for (const [key, value] of Object.entries(module.cases)) {
      if (merged[key]) throw new Error(`${key} has cases in two files`);
      merged[key] = value;
    }
  }
  return merged;
}
