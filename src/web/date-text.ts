// Dates and times as people in Sweden type them ("2026-12-07 14.30", "7/12 2026 kl. 14:30",
// "7 dec 2026"), read into the values the date fields hold: "2026-12-07" for a date and
// "2026-12-07T14:30" for a date with a time (the datetime-local format the forms convert).
// Weeks as "v. 49 2026", "vecka 49 2026" or "2026-W49", read into the ISO week key "2026-W49".

export type DateKind = 'date' | 'datetime' | 'week';

const months: Record<string, number> = {
  jan: 1,
  januari: 1,
  feb: 2,
  februari: 2,
  mar: 3,
  mars: 3,
  apr: 4,
  april: 4,
  maj: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  aug: 8,
  augusti: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const pad = (value: number) => String(value).padStart(2, '0');

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day || year < 1900 || year > 2999) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-12-07", "20261207", "7/12 2026", "7/12-2026", "7.12.2026", "7 dec. 2026" → "2026-12-07". */
function readDate(text: string): string | null {
  const iso = /^(\d{4})-?(\d{1,2})-?(\d{1,2})$/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.](\d{1,2})(?:[ .-]|\/)(\d{4})$/.exec(text);
  if (numeric) return validDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})$/.exec(text);
  const month = named ? months[named[2]!] : undefined;
  if (named && month) return validDate(Number(named[3]), month, Number(named[1]));
  return null;
}

/** "14:30", "14.30", "1430", "kl. 9.05" → "14:30" / "09:05". */
function readTime(text: string): string | null {
  const match = /^(?:kl\.?\s*)?(\d{1,2})(?:[:.]?(\d{2}))$/.exec(text);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
}

/** How many ISO weeks a year has: 53 when 28 December falls in week 53, else 52. */
function weeksInYear(year: number): number {
  const dec28 = new Date(Date.UTC(year, 11, 28));
  const thursday = new Date(dec28);
  thursday.setUTCDate(dec28.getUTCDate() + 3 - ((dec28.getUTCDay() + 6) % 7));
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
}

const weekWord = String.raw`(?:v|vecka|w|week)\.?`;
const weekFirst = new RegExp(String.raw`^${weekWord}\s?(\d{1,2}),?[ -]?(\d{4})$`);
const yearFirst = new RegExp(String.raw`^(\d{4}),?[ -]?${weekWord}\s?(\d{1,2})$`);

/** "2026-W49", "2026W49", "v. 49 2026", "v49-2026", "vecka 49, 2026", "2026 v. 49" → "2026-W49". */
function readWeek(text: string): string | null {
  const byWeek = weekFirst.exec(text);
  const byYear = yearFirst.exec(text);
  const year = Number(byWeek?.[2] ?? byYear?.[1] ?? 0);
  const week = Number(byWeek?.[1] ?? byYear?.[2] ?? 0);
  if (year < 1900 || year > 2999 || week < 1 || week > weeksInYear(year)) return null;
  return `${year}-W${pad(week)}`;
}

/** The field's value for what was typed, or null when it is not a date (and time) we can read. */
export function readDateText(text: string, kind: DateKind): string | null {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (kind === 'date') return readDate(cleaned);
  if (kind === 'week') return readWeek(cleaned);
  const split = /^(.+?)(?:[ t]|,\s?)((?:kl\.?\s*)?\d{1,2}(?:[:.]?\d{2}))$/.exec(cleaned);
  if (!split) return null;
  const date = readDate(split[1]!.replace(/,$/, '').trim());
  const time = readTime(split[2]!);
  return date && time ? `${date}T${time}` : null;
}

/** How a field shows its value: "2026-12-07 14:30". */
export function showDateValue(value: string): string {
  return value.replace('T', ' ');
}
