// Lists: filters above, paging below, a CSV link, live reloading and the form column beside.
import { type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLive } from '../useLive.ts';
import { DateField } from './dateField.tsx';
import { useLoad } from '../useLoad.ts';
import '../pages/picture/picture.css';

// ---- Filters and paging ----

export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pager" aria-label={t('picture.pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        ← {t('picture.pager.previous')}
      </button>
      <span>
        {t('picture.pager.showing', {
          from: total === 0 ? 0 : offset + 1,
          to: Math.min(offset + limit, total),
          total,
        })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('picture.pager.next')} →
      </button>
    </nav>
  );
}

/** Downloads the list as a CSV file for a spreadsheet, with the filters the list shows. */
export function CsvLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <p className="csv-link">
      <a className="button button--secondary" href={href} download>
        {t('picture.csv')}
      </a>
    </p>
  );
}

/** A row of filters above a list; changes apply at once, a label for each. */
export function Filters({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form
      className="filters"
      role="search"
      aria-label={label}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
  );
}

/** The week a list is filtered to, typed as "v. 49 2026" or "2026-W49". */
export function PeriodFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <DateField
      id={id}
      kind="week"
      label={t('picture.filter.period')}
      value={value}
      onChange={onChange}
    />
  );
}
/** A list that reloads when anything in the event changes (server-sent events). */
export function useEventList<T>(
  eventId: number,
  load: () => Promise<T>,
  deps: unknown[],
): ReturnType<typeof useLoad<T>> {
  const loaded = useLoad(load, [eventId, ...deps]);
  useLive(eventId, () => void loaded.reload());
  return loaded;
}

/** The form beside a list, for those who may write; readers get the list alone. */
export function FormColumn({ show, children }: { show: boolean; children: ReactNode }) {
  if (!show) return null;
  return <div className="picture-layout__form">{children}</div>;
}

/** A page of a list as the server answers it: the items and how many there are in all. */
export interface Counted {
  items: unknown[];
  total: number;
}

/** "Visar 100 av 340" when the answer holds fewer items than there are; '' when it holds all. */
export function shownOfText(t: TFunction, page: Counted | undefined) {
  return page && page.total > page.items.length
    ? t('app.shownOf', { shown: page.items.length, total: page.total })
    : '';
}

/** A picker's hint with "Visar 500 av 620" added when the picker does not offer them all. */
export function hintShownOf(
  hint: string | undefined,
  t: TFunction,
  page: Counted | undefined,
): string | undefined {
  const shown = shownOfText(t, page);
  return [hint, shown].filter(Boolean).join(' ') || undefined;
}

/** Said next to a list that shows only the first part of what there is. */
export function ShownOf({ page }: { page: Counted | undefined }) {
  const { t } = useTranslation();
  const text = shownOfText(t, page);
  if (!text) return null;
  return <p className="small muted shown-of">{text}</p>;
}
