// An event's units: a tree list to reorder (buttons, Alt+arrows, drag and drop), indent and
// outdent, saved in one request with the list's version; adding an existing or a new unit,
// removing one, and importing from CSV are saved at once.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorSummary, SelectField, TextArea, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { Notice, SavedNotice, errorText } from '../../kit/messages.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { useLoad } from '../../useLoad.ts';
import { ApiError } from '../../api.ts';
import { eventUnitsApi, unitKinds } from '../../clients/event-units.ts';
import { unitsApi } from '../../clients/units.ts';
import type { EventUnitList } from '../../../contract/event-units.ts';
import type { Unit } from '../../../contract/units.ts';
import { EventAdminPage } from './AdminFrame.tsx';
import {
  type TreeRow,
  dropRow,
  indentRow,
  moveRow,
  outdentRow,
  parentName,
  placementsOf,
} from './unit-tree.ts';

export function EventUnitsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const loaded = useLoad(
    () => Promise.all([eventUnitsApi.list(eventId), unitsApi.list()]),
    [eventId],
  );
  const [list, setList] = useState<EventUnitList | null>(null);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState(false);
  const current = list ?? loaded.data?.[0] ?? null;

  const changed = (answer: EventUnitList, note: string) => {
    setList(answer);
    setMessage(note);
  };

  return (
    <EventAdminPage eventId={eventId} title={t('eventUnits.title')} intro={t('eventUnits.intro')}>
      {(_event, can) =>
        loaded.error ? (
          <LoadError error={loaded.error} retry={loaded.reload} />
        ) : !current || !loaded.data ? (
          <Loading />
        ) : (
          <>
            <SavedNotice message={message} />
            <UnitListEditor
              key={current.version}
              eventId={eventId}
              list={current}
              canManage={can('event.manage')}
              onChanged={changed}
              onDirty={setEditing}
            />
            {can('event.manage') && (
              <>
                {editing && <Notice kind="warning">{t('eventUnits.saveFirst')}</Notice>}
                <AddUnitForm
                  blocked={editing}
                  eventId={eventId}
                  list={current}
                  register={loaded.data[1].items}
                  onChanged={changed}
                />
                <ImportForm
                  blocked={editing}
                  eventId={eventId}
                  list={current}
                  onChanged={changed}
                />
              </>
            )}
          </>
        )
      }
    </EventAdminPage>
  );
}

type Change = (answer: EventUnitList, note: string) => void;

const shortcuts: Record<string, 'up' | 'down' | 'indent' | 'outdent'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
};

function UnitListEditor({
  eventId,
  list,
  canManage,
  onChanged,
  onDirty,
}: {
  eventId: number;
  list: EventUnitList;
  canManage: boolean;
  onChanged: Change;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<TreeRow[]>(list.items);
  const [label, setLabel] = useState(list.unitlessLabel);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [rowError, setRowError] = useState<{ unitId: number; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty =
    label !== list.unitlessLabel ||
    JSON.stringify(placementsOf(rows)) !== JSON.stringify(placementsOf(list.items));

  useEffect(() => {
    if (!focus) return;
    const [unitId, action] = focus.split('|');
    const button = document.getElementById(`unit-${action}-${unitId}`) as HTMLButtonElement | null;
    (button && !button.disabled ? button : document.getElementById(`unit-row-${unitId}`))?.focus();
  }, [focus, rows]);

  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function change(index: number, action: 'up' | 'down' | 'indent' | 'outdent') {
    const row = rows[index]!;
    const next =
      action === 'indent'
        ? indentRow(rows, index)
        : action === 'outdent'
          ? outdentRow(rows, index)
          : moveRow(rows, index, action);
    if (next === rows) return;
    const at = next.findIndex((candidate) => candidate.unitId === row.unitId);
    setRows(next);
    setAnnouncement(announce(next, at, action));
    setFocus(`${row.unitId}|${action}`);
  }

  function announce(next: TreeRow[], at: number, action: string): string {
    const row = next[at]!;
    if (action === 'indent') {
      return t('eventUnits.indented', { name: row.name, parent: parentName(next, at) });
    }
    if (action === 'outdent')
      return t('eventUnits.outdented', { name: row.name, level: row.depth + 1 });
    return t('eventUnits.moved', { name: row.name, position: at + 1, count: next.length });
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    const action = shortcuts[event.key];
    if (!event.altKey || !action || !canManage) return;
    event.preventDefault();
    change(index, action);
  }

  function drop(index: number) {
    if (dragged === null) return;
    const row = rows[dragged]!;
    const next = dropRow(rows, dragged, index);
    setDragged(null);
    if (next === rows) return;
    setRows(next);
    setAnnouncement(
      announce(
        next,
        next.findIndex((candidate) => candidate.unitId === row.unitId),
        'up',
      ),
    );
  }

  async function save() {
    setBusy(true);
    try {
      const answer = await eventUnitsApi.replace(eventId, {
        version: list.version,
        unitlessLabel: label,
        units: placementsOf(rows),
      });
      onChanged(answer, t('eventUnits.saved', { version: answer.version }));
    } catch (error) {
      if (error instanceof ApiError && error.stale) {
        const current = error.current<EventUnitList>()!;
        onChanged(current, t('eventUnits.conflict', { version: current.version }));
      } else {
        setErrors(
          formErrorsFrom(
            error,
            { unitlessLabel: 'unitless-label', units: 'unit-list' },
            'unit-list',
          ),
        );
      }
    } finally {
      setBusy(false);
    }
  }

  async function remove(row: TreeRow) {
    setRowError(null);
    try {
      const answer = await eventUnitsApi.remove(eventId, row.unitId, list.version);
      onChanged(answer, t('eventUnits.removed', { name: row.name }));
    } catch (error) {
      setRowError({ unitId: row.unitId, message: errorText(error, t) });
    }
  }

  const button = (row: TreeRow, index: number, action: keyof typeof shortcuts | 'remove') => {
    const name = action === 'remove' ? 'remove' : shortcuts[action]!;
    const disabled = action === 'remove' ? dirty : moveOf(rows, index, shortcuts[action]!) === rows;
    return (
      <button
        type="button"
        id={`unit-${name}-${row.unitId}`}
        className="button button--secondary button--small"
        disabled={disabled}
        onClick={() => (action === 'remove' ? void remove(row) : change(index, shortcuts[action]!))}
      >
        {t(`eventUnits.${name}`)}
        <span className="visually-hidden">: {row.name}</span>
      </button>
    );
  };

  return (
    <section className="panel" aria-labelledby="unit-list-title">
      <h2 id="unit-list-title" className="panel__title">
        {t('eventUnits.listTitle')}
      </h2>
      <p className="small muted">
        {t('admin.templates.versionNote', { version: list.version })}
        {dirty && <strong className="unsaved"> · {t('eventUnits.unsaved')}</strong>}
      </p>
      <ErrorSummary errors={errors.summary} />
      <TextField
        id="unitless-label"
        label={t('eventUnits.label')}
        hint={t('eventUnits.labelHint')}
        error={errors.byField['unitless-label']}
        width="half"
        value={label}
        disabled={!canManage}
        onChange={(event) => setLabel(event.target.value)}
      />
      <h3 id="unit-list" tabIndex={-1}>
        {t('eventUnits.title')}
      </h3>
      {canManage && <p className="hint">{t('eventUnits.orderHint')}</p>}
      {rows.length === 0 && <p>{t('eventUnits.empty')}</p>}
      <ol className="section-order unit-tree">
        {rows.map((row, index) => {
          const parent = parentName(rows, index);
          return (
            <li
              key={row.unitId}
              id={`unit-row-${row.unitId}`}
              tabIndex={-1}
              draggable={canManage}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', row.code);
                setDragged(index);
              }}
              onDragOver={(event) => {
                if (dragged !== null) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                drop(index);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
              style={{ paddingInlineStart: `${row.depth * 1.75}rem` }}
            >
              <div className="section-order__row">
                <span className="section-order__title">
                  <strong>{row.name}</strong> <span className="muted">({row.code})</span>
                  <span className="visually-hidden">
                    , {t('eventUnits.level', { level: row.depth + 1 })}
                    {parent && `, ${t('eventUnits.under', { name: parent })}`}
                  </span>
                </span>
                <span className="small muted section-order__kind">
                  {t(`eventUnits.kinds.${row.kind}`)}
                </span>
                {canManage && (
                  <span className="section-order__buttons">
                    {button(row, index, 'ArrowUp')}
                    {button(row, index, 'ArrowDown')}
                    {button(row, index, 'ArrowRight')}
                    {button(row, index, 'ArrowLeft')}
                    {button(row, index, 'remove')}
                  </span>
                )}
              </div>
              {rowError?.unitId === row.unitId && (
                <p className="field-error" role="alert">
                  {rowError.message}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {canManage && (
        <div className="button-group">
          <button
            type="button"
            className="button"
            disabled={busy || !dirty}
            onClick={() => void save()}
          >
            {t('eventUnits.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!dirty}
            onClick={() => {
              setRows(list.items);
              setLabel(list.unitlessLabel);
            }}
          >
            {t('eventUnits.undo')}
          </button>
        </div>
      )}
    </section>
  );
}

function moveOf(rows: TreeRow[], index: number, action: 'up' | 'down' | 'indent' | 'outdent') {
  if (action === 'indent') return indentRow(rows, index);
  if (action === 'outdent') return outdentRow(rows, index);
  return moveRow(rows, index, action);
}

function AddUnitForm({
  blocked,
  eventId,
  list,
  register,
  onChanged,
}: {
  blocked: boolean;
  eventId: number;
  list: EventUnitList;
  register: Unit[];
  onChanged: Change;
}) {
  const { t } = useTranslation();
  const [existing, setExisting] = useState('');
  const [parent, setParent] = useState('');
  const [fresh, setFresh] = useState({ code: '', name: '', shortName: '', kind: 'group' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const inEvent = new Set(list.items.map((unit) => unit.unitId));
  const offered = register.filter((unit) => !inEvent.has(unit.id));
  const parentUnitId = parent === '' ? null : Number(parent);

  async function add(body: Record<string, unknown>, name: string) {
    try {
      const answer = await eventUnitsApi.add(eventId, {
        version: list.version,
        parentUnitId,
        ...body,
      });
      setErrors(noErrors);
      setExisting('');
      setFresh({ code: '', name: '', shortName: '', kind: 'group' });
      onChanged(answer, t('eventUnits.added', { name }));
    } catch (error) {
      setErrors(
        formErrorsFrom(
          error,
          {
            unitId: 'add-existing',
            'newUnit.code': 'new-code',
            'newUnit.name': 'new-name',
            'newUnit.shortName': 'new-short-name',
            code: 'new-code',
          },
          'add-existing',
        ),
      );
    }
  }

  return (
    <section className="panel" aria-labelledby="add-unit-title">
      <h2 id="add-unit-title" className="panel__title">
        {t('eventUnits.addTitle')}
      </h2>
      <ErrorSummary errors={errors.summary} />
      <SelectField
        id="add-parent"
        label={t('eventUnits.parent')}
        value={parent}
        options={[
          { value: '', label: t('eventUnits.top') },
          ...list.items.map((unit) => ({
            value: String(unit.unitId),
            label: `${'– '.repeat(unit.depth)}${unit.name}`,
          })),
        ]}
        onChange={setParent}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const unit = offered.find((candidate) => String(candidate.id) === existing);
          if (unit) void add({ unitId: unit.id }, unit.name);
        }}
      >
        <SelectField
          id="add-existing"
          label={t('eventUnits.existing')}
          error={errors.byField['add-existing']}
          value={existing}
          options={[
            { value: '', label: t('eventUnits.chooseExisting') },
            ...offered.map((unit) => ({
              value: String(unit.id),
              label: `${unit.name} (${unit.code})`,
            })),
          ]}
          onChange={setExisting}
        />
        <button type="submit" className="button" disabled={blocked || existing === ''}>
          {t('eventUnits.add')}
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add({ newUnit: fresh }, fresh.name);
        }}
      >
        <h3>{t('eventUnits.newUnit')}</h3>
        <TextField
          id="new-code"
          label={t('eventUnits.code')}
          width="quarter"
          error={errors.byField['new-code']}
          value={fresh.code}
          onChange={(event) => setFresh({ ...fresh, code: event.target.value })}
        />
        <TextField
          id="new-name"
          label={t('eventUnits.name')}
          error={errors.byField['new-name']}
          value={fresh.name}
          onChange={(event) => setFresh({ ...fresh, name: event.target.value })}
        />
        <TextField
          id="new-short-name"
          label={t('eventUnits.shortName')}
          hint={t('eventUnits.shortNameHint')}
          width="half"
          error={errors.byField['new-short-name']}
          value={fresh.shortName}
          onChange={(event) => setFresh({ ...fresh, shortName: event.target.value })}
        />
        <SelectField
          id="new-kind"
          label={t('eventUnits.kind')}
          value={fresh.kind}
          options={unitKinds.map((kind) => ({ value: kind, label: t(`eventUnits.kinds.${kind}`) }))}
          onChange={(kind) => setFresh({ ...fresh, kind })}
        />
        <button type="submit" className="button" disabled={blocked}>
          {t('eventUnits.create')}
        </button>
      </form>
    </section>
  );
}

interface RowProblem {
  row: number;
  message: string;
}

function ImportForm({
  blocked,
  eventId,
  list,
  onChanged,
}: {
  blocked: boolean;
  eventId: number;
  list: EventUnitList;
  onChanged: Change;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState('');
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) problemsRef.current?.focus();
  }, [error, problems]);

  async function submit() {
    try {
      const answer = await eventUnitsApi.importCsv(eventId, list.version, csv);
      setProblems([]);
      setError('');
      setCsv('');
      onChanged(
        answer,
        t('eventUnits.imported', { count: answer.items.length - list.items.length }),
      );
    } catch (failure) {
      const rows =
        failure instanceof ApiError
          ? ((failure.details.rows as RowProblem[] | undefined) ?? [])
          : [];
      setProblems(rows);
      setError(errorText(failure, t));
    }
  }

  return (
    <section className="panel" aria-labelledby="import-units-title">
      <h2 id="import-units-title" className="panel__title">
        {t('eventUnits.importTitle')}
      </h2>
      <p className="hint">{t('eventUnits.importHint')}</p>
      {error && (
        <div className="notice notice--warning" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>{error}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.row}-${problem.message}`}>
                  {t('eventUnits.rowError', { row: problem.row, message: problem.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label className="label" htmlFor="import-file">
            {t('eventUnits.importFile')}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.text().then(setCsv);
            }}
          />
        </div>
        <TextArea
          id="import-text"
          label={t('eventUnits.importText')}
          rows={6}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
        <button type="submit" className="button" disabled={blocked || csv.trim() === ''}>
          {t('eventUnits.importButton')}
        </button>
      </form>
    </section>
  );
}
