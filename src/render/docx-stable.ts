import { type Zippable, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// docx writes three things that differ on every run: the zip entries' times and the core
// properties' created and modified times (the moment of packing), and the relationship ids of
// hyperlinks (random). A published report must come out as the same bytes every time, so the
// packed document is rewritten with those taken from the report itself.

const RANDOM_RELATIONSHIP_ID = /"rId([a-z0-9_-]{21})"/g;
const CORE_PROPERTIES = 'docProps/core.xml';

/**
 * The packed document with every part as docx wrote it except: the times are `writtenAt` and the
 * random relationship ids are numbered in the order they first appear.
 */
export function stableDocx(packed: Uint8Array, writtenAt: Date): Buffer {
  const parts = unzipSync(packed);
  const ids = new Map<string, string>();
  const stable: Zippable = {};
  for (const [name, content] of Object.entries(parts)) {
    stable[name] =
      name.endsWith('.xml') || name.endsWith('.rels')
        ? strToU8(stableXml(name, strFromU8(content), ids, writtenAt))
        : [content, { level: 0 }];
  }
  return Buffer.from(zipSync(stable, { mtime: zipTime(writtenAt) }));
}

function stableXml(name: string, xml: string, ids: Map<string, string>, writtenAt: Date): string {
  const numbered = xml.replace(RANDOM_RELATIONSHIP_ID, (_match, random: string) => {
    const id = ids.get(random) ?? `rIdLink${ids.size + 1}`;
    ids.set(random, id);
    return `"${id}"`;
  });
  return name === CORE_PROPERTIES ? withTimes(numbered, writtenAt) : numbered;
}

function withTimes(xml: string, writtenAt: Date): string {
  const stamp = `${writtenAt.toISOString().slice(0, 19)}Z`;
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_match, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
  );
}

/**
 * A zip entry's time is a wall-clock time without a zone, which fflate reads from the Date in the
 * process's zone: the UTC wall-clock time of the instant, so that any server writes the same.
 */
function zipTime(instant: Date): Date {
  return new Date(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  );
}
