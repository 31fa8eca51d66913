// The scaffolding of a screen that lists records and edits one beside the list: the layout, the
// editor's state, the create-or-edit form, paging that returns to the first page when a filter
// changes, the list's loading/error/empty states and its table.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Loaded } from '../useLoad.ts';
import { Loading } from './layout.tsx';
import { FormColumn, Pager, ShownOf } from './lists.tsx';
import { LoadError } from './loadError.tsx';
import { SavedNotice } from './messages.tsx';
import { RecordForm } from './recordForm.tsx';

/**
 * A form beside a list under a heading: over the list column (`scope` 'list', a screen of its
 * own) or over both (`scope` 'section', one part of a screen). The form column, with the "saved"
 * line when `saved` is given, is left out for those who may not write (`showForm` false).
 */
export function ListBesideForm({
  headingId,
  heading,
  scope = 'list',
  showForm = true,
  saved,
  form,
  children,
}: {
  headingId: string;
  heading: ReactNode;
  scope?: 'list' | 'section';
  showForm?: boolean;
  saved?: string;
  form: ReactNode;
  children: ReactNode;
}) {
  const title = <h2 id={headingId}>{heading}</h2>;
  const layout = (
    <div className="picture-layout">
      <FormColumn show={showForm}>
        {saved !== undefined && <SavedNotice message={saved} />}
        {form}
      </FormColumn>
      {scope === 'list' ? (
        <section className="picture-layout__list" aria-labelledby={headingId}>
          {title}
          {children}
        </section>
      ) : (
        <div className="picture-layout__list">{children}</div>
      )}
    </div>
  );
  if (scope === 'list') return layout;
  return (
    <section className="section" aria-labelledby={headingId}>
      {title}
      {layout}
    </section>
  );
}

/**
 * What the form beside a list is doing (`idle` is creating), and the "saved" message.
 * `done` shows the message, returns to `idle` and reloads the list.
 */
export function useEditor<M>(idle: M, reload: () => Promise<void>) {
  const [mode, setMode] = useState<M>(idle);
  const [saved, setSaved] = useState('');
  return {
    mode,
    setMode,
    saved,
    cancel: () => setMode(idle),
    done(message: string) {
      setSaved(message);
      setMode(idle);
      void reload();
    },
  };
}

/** The list's offset, and a wrapper for filter setters that goes back to the first page. */
export function usePaging() {
  const [offset, setOffset] = useState(0);
  return {
    offset,
    setOffset,
    filter:
      <V,>(set: (value: V) => void) =>
      (value: V) => {
        set(value);
        setOffset(0);
      },
  };
}

type RecordFormProps<T extends { version: number }> = Parameters<typeof RecordForm<T>>[0];

/** A create-or-edit form: `editing` null creates, an item edits it (with a cancel button). */
export function EditForm<T extends { id: number; version: number }>({
  editing,
  newTitle,
  editTitle,
  addLabel,
  create,
  update,
  onCancel,
  formKey = '',
  ...form
}: Omit<RecordFormProps<T>, 'title' | 'submitLabel' | 'save' | 'editing' | 'onCancel'> & {
  editing: T | null;
  newTitle: string;
  editTitle: string;
  addLabel: string;
  create: (values: RecordFormProps<T>['initial']) => Promise<T>;
  update: (
    item: T,
    values: RecordFormProps<T>['initial'],
    version: number | undefined,
  ) => Promise<T>;
  onCancel: () => void;
  /** Added to the form's key: a change starts the form afresh. */
  formKey?: string;
}) {
  const { t } = useTranslation();
  return (
    <RecordForm<T>
      key={`${editing ? `edit-${editing.id}` : 'create'}${formKey}`}
      {...form}
      title={editing ? editTitle : newTitle}
      editing={editing}
      save={(values, version) => (editing ? update(editing, values, version) : create(values))}
      submitLabel={editing ? t('picture.form.save') : addLabel}
      {...(editing && { onCancel })}
    />
  );
}

/**
 * A list's states: the error with a retry, loading, the empty message, or the items; below
 * them the pager when `paging` is given, else "Visar 100 av 340" when the answer is not all.
 */
export function ListBody<L extends { items: unknown[]; total?: number }>({
  list,
  empty,
  paging,
  children,
}: {
  list: Loaded<L>;
  empty: string;
  paging?: { limit: number; offset: number; onChange: (offset: number) => void };
  children: (data: L) => ReactNode;
}) {
  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <p>{empty}</p>;
  return (
    <>
      {children(list.data)}
      {paging ? (
        <Pager total={list.data.total ?? list.data.items.length} {...paging} />
      ) : (
        list.data.total !== undefined && (
          <ShownOf page={{ items: list.data.items, total: list.data.total }} />
        )
      )}
    </>
  );
}

/**
 * A table that scrolls on its own on narrow screens: the caption (for screen readers) is the
 * heading's text; the last column holds the row's buttons when `actions` is set.
 */
export function DataTable({
  labelledBy,
  caption,
  columns,
  actions = false,
  dense = true,
  children,
}: {
  labelledBy: string;
  caption: string;
  /** A column's heading, or the heading with a class (e.g. `numeric`). */
  columns: (ReactNode | { label: ReactNode; className: string })[];
  actions?: boolean;
  dense?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={labelledBy}>
      <table className={dense ? 'table table--dense' : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) =>
              column && typeof column === 'object' && 'className' in column ? (
                <th scope="col" key={index} className={column.className}>
                  {column.label}
                </th>
              ) : (
                <th scope="col" key={index}>
                  {column}
                </th>
              ),
            )}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t('picture.form.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row's button ("Ändra" by default) that says to screen readers which row it acts on. */
export function RowButton({
  onClick,
  what,
  children,
}: {
  onClick: () => void;
  what: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link-button" onClick={onClick}>
      {children ?? t('picture.form.edit')}
      <span className="visually-hidden">: {what}</span>
    </button>
  );
}
