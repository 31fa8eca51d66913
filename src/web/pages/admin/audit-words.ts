// An audit record in words: its action and kind of record from i18n-audit.*.ts, and the item it
// concerns named from what the record carries ("Rapport 3 – Regional rapport v. 49").
import type { TFunction } from 'i18next';
import type { AuditRecord } from '../../../contract/audit.ts';

/** The translation key of an audit code; i18next would read its dots as nesting. */
export function auditWordKey(kind: 'action' | 'entity', code: string): string {
  return `auditWords.${kind}.${code.replaceAll('.', '/')}`;
}

/** The words for an action or kind of record; the code itself when it has none. */
export function auditWord(t: TFunction, kind: 'action' | 'entity', code: string): string {
  return t(auditWordKey(kind, code), { defaultValue: code });
}

const nameFields = ['title', 'name', 'heading', 'label', 'subject'] as const;
const longestName = 80;

/** The item's number (its own number when it has one, else its id) and name, when known. */
export function auditItem(record: Pick<AuditRecord, 'entityId' | 'before' | 'after'>): {
  number: string;
  name: string | null;
} {
  const fields = { ...asFields(record.before), ...asFields(record.after) };
  const number = fields.number;
  const name = nameFields.map((field) => fields[field]).find(isText);
  return {
    number: typeof number === 'number' ? String(number) : record.entityId,
    name: name === undefined ? null : shorten(name.trim()),
  };
}

/** "Rapport 3 – Regional rapport v. 49", or "Loggpost 12" when the record names nothing. */
export function auditItemName(t: TFunction, record: AuditRecord): string {
  const { number, name } = auditItem(record);
  const kind = auditWord(t, 'entity', record.entityType);
  return name === null ? `${kind} ${number}` : `${kind} ${number} – ${name}`;
}

function asFields(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function shorten(text: string): string {
  return text.length <= longestName ? text : `${text.slice(0, longestName - 1)}…`;
}
