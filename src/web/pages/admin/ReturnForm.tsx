// /events/:eventId/admin/form: the event's return form. Add, remove and reorder fields, edit each
// field's label, help, required and kind-specific settings, and see the unit's form as it will be.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Checkbox, ErrorSummary, SelectField, TextArea, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { ScalesProvider } from '../../kit/status.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { ApiError } from '../../api.ts';
import { useLoad } from '../../useLoad.ts';
import { EventAdminPage } from './AdminFrame.tsx';
import { ReturnFieldInput } from '../situation/ReturnFields.tsx';
import {
  type Values,
  answerOf,
  emptyValues,
  withAnswer,
  withNotAvailable,
} from '../situation/values.ts';
import type {
  ReturnField,
  ReturnFieldInput as FieldBody,
  ReturnFieldKind,
  ReturnForm,
} from '../../../contract/return-forms.ts';
import {
  loadAnswerCheck,
  returnFieldKindList,
  returnFormsApi,
} from '../../clients/return-forms.ts';

/** A field as the editor holds it: every setting as text, whatever the kind. */
interface Draft {
  key: string;
  kind: ReturnFieldKind;
  label: string;
  help: string;
  required: boolean;
  options: string;
  figureName: string;
  figureUnit: string;
  decimals: string;
  /** A saved field's key and kind are fixed. */
  saved: boolean;
}

function draftOf(field: ReturnField): Draft {
  return {
    key: field.key,
    kind: field.kind,
    label: field.label,
    help: field.help,
    required: field.required,
    options: field.kind === 'choice' ? field.options.join('\n') : '',
    figureName: field.kind === 'number' ? field.figure.name : '',
    figureUnit: field.kind === 'number' ? field.figure.unit : '',
    decimals: field.kind === 'number' ? String(field.figure.decimals) : '0',
    saved: true,
  };
}

function bodyOf(draft: Draft): FieldBody {
  const base = {
    key: draft.key.trim(),
    label: draft.label,
    help: draft.help,
    required: draft.required,
  };
  switch (draft.kind) {
    case 'choice':
      return {
        ...base,
        kind: 'choice',
        options: draft.options
          .split('\n')
          .map((option) => option.trim())
          .filter(Boolean),
      };
    case 'number':
      return {
        ...base,
        kind: 'number',
        figure: {
          name: draft.figureName || draft.label,
          unit: draft.figureUnit,
          decimals: Number(draft.decimals),
        },
      };
    default:
      return { ...base, kind: draft.kind };
  }
}

/** The field as the preview shows it (with the defaults the server would fill in). */
function previewOf(draft: Draft): ReturnField {
  const body = bodyOf(draft);
  if (body.kind === 'number') {
    return {
      ...body,
      help: draft.help,
      required: draft.required,
      figure: {
        name: draft.figureName,
        unit: draft.figureUnit,
        decimals: Number(draft.decimals) || 0,
      },
    };
  }
  return { ...body, help: draft.help, required: draft.required } as ReturnField;
}

const settingIds: Record<string, string> = {
  'figure.name': 'figureName',
  'figure.unit': 'figureUnit',
  'figure.decimals': 'decimals',
};

/** The editor's input id for a server or check path such as `fields.3.figure.name`. */
function inputIdFor(path: string): string | undefined {
  const match = /^fields\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return path === 'fields' ? 'add-field' : undefined;
  const setting = match[2] ?? 'label';
  return `form-${match[1]}-${settingIds[setting] ?? setting}`;
}

function errorsOfPaths(issues: { field: string; message: string }[]): FormErrors {
  const summary = issues.map((issue) => ({
    id: inputIdFor(issue.field) ?? 'add-field',
    message: issue.message,
  }));
  const byField: Record<string, string> = {};
  for (const entry of summary) byField[entry.id] ??= entry.message;
  return { summary, byField };
}

export function ReturnFormPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const form = useLoad(() => returnFormsApi.get(eventId), [eventId]);
  return (
    <EventAdminPage
      eventId={eventId}
      title={t('returnForm.admin.title')}
      intro={t('returnForm.admin.intro')}
    >
      {() =>
        form.error ? (
          <LoadError error={form.error} retry={() => void form.reload()} />
        ) : !form.data ? (
          <Loading />
        ) : (
          <FormEditor
            key={form.data.version}
            eventId={eventId}
            form={form.data}
            reload={() => void form.reload()}
          />
        )
      }
    </EventAdminPage>
  );
}

function FormEditor({
  eventId,
  form,
  reload,
}: {
  eventId: number;
  form: ReturnForm;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Draft[]>(() => form.fields.map(draftOf));
  const [version, setVersion] = useState(form.version);
  const [newKind, setNewKind] = useState<ReturnFieldKind>('text');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Values>(emptyValues);

  // After a move the same button keeps the focus at the field's new place.
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId, drafts]);

  const change = (index: number, patch: Partial<Draft>) => {
    setDrafts((current) =>
      current.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)),
    );
    setMessage('');
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= drafts.length) return;
    setDrafts((current) => {
      const next = [...current];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
    setFocusId(`form-${target}-${by < 0 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    setDrafts((current) => current.filter((_, at) => at !== index));
    setFocusId('add-field');
  };
  const add = () => {
    const taken = new Set(drafts.map((draft) => draft.key));
    let number = drafts.length + 1;
    while (taken.has(`falt${number}`)) number++;
    setDrafts((current) => [
      ...current,
      {
        key: `falt${number}`,
        kind: newKind,
        label: t('returnForm.admin.newLabel'),
        help: '',
        required: false,
        options: '',
        figureName: '',
        figureUnit: '',
        decimals: '0',
        saved: false,
      },
    ]);
    setFocusId(`form-${drafts.length}-label`);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = { version, fields: drafts.map(bodyOf) };
    const check = await loadAnswerCheck().catch(() => null);
    const checked = check?.replaceReturnFormBody.safeParse(body);
    if (checked && !checked.success) {
      setErrors(
        errorsOfPaths(
          checked.error.issues.map((issue) => ({
            field: issue.path.map(String).join('.'),
            message: issue.message,
          })),
        ),
      );
      return;
    }
    setBusy(true);
    try {
      const saved = await returnFormsApi.replace(eventId, body);
      setDrafts(saved.fields.map(draftOf));
      setVersion(saved.version);
      setErrors(noErrors);
      setMessage(t('returnForm.admin.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        setErrors(errorsOfPaths(error.fields));
      else setErrors(formErrorsFrom(error, {}, 'save-form'));
    } finally {
      setBusy(false);
    }
  }

  const previewFields = drafts.map(previewOf);

  return (
    <>
      <ErrorSummary errors={errors.summary} />
      {message && (
        <Notice kind="success" role="status">
          {message}
        </Notice>
      )}
      {form.isDefault && version === 0 && <Notice>{t('returnForm.admin.defaultNote')}</Notice>}
      <form onSubmit={(event) => void save(event)} noValidate className="return-form-editor">
        <h2>{t('returnForm.admin.fieldsTitle')}</h2>
        <ol className="return-form-editor__fields">
          {drafts.map((draft, index) => (
            <li key={index} className="return-form-editor__field">
              <FieldEditor
                draft={draft}
                index={index}
                count={drafts.length}
                errors={errors.byField}
                change={(patch) => change(index, patch)}
                move={(by) => move(index, by)}
                remove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
        <div className="button-group">
          <SelectField
            id="new-kind"
            label={t('returnForm.admin.kind')}
            value={newKind}
            options={returnFieldKindList.map((kind) => ({
              value: kind,
              label: t(`returnForm.admin.kinds.${kind}`),
            }))}
            onChange={(kind) => setNewKind(kind as ReturnFieldKind)}
          />
          <button type="button" id="add-field" className="button button--secondary" onClick={add}>
            {t('returnForm.admin.add')}
          </button>
        </div>
        <button type="submit" id="save-form" className="button" disabled={busy}>
          {t('returnForm.admin.save')}
        </button>
        {errors.summary.some((entry) => entry.id === 'save-form') && (
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('app.retry')}
          </button>
        )}
      </form>
      <section className="return-form-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">{t('returnForm.admin.preview')}</h2>
        <ScalesProvider eventId={eventId}>
          {previewFields.map((field) => (
            <ReturnFieldInput
              key={field.key}
              field={field}
              value={answerOf(preview, field.key)}
              notAvailable={preview.notAvailable.includes(field.key)}
              error={undefined}
              onChange={(text) => setPreview((current) => withAnswer(current, field.key, text))}
              onNotAvailable={(on) =>
                setPreview((current) => withNotAvailable(current, field.key, on))
              }
            />
          ))}
        </ScalesProvider>
      </section>
    </>
  );
}

function FieldEditor({
  draft,
  index,
  count,
  errors,
  change,
  move,
  remove,
}: {
  draft: Draft;
  index: number;
  count: number;
  errors: Record<string, string>;
  change: (patch: Partial<Draft>) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  const id = (setting: string) => `form-${index}-${setting}`;
  const label = draft.label || draft.key;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--m">
        {t('returnForm.admin.field', { number: index + 1, label })}
      </legend>
      <p className="small muted">{t(`returnForm.admin.kinds.${draft.kind}`)}</p>
      {draft.saved ? (
        <p className="small muted">
          {t('returnForm.admin.key')}: <code>{draft.key}</code>
        </p>
      ) : (
        <TextField
          id={id('key')}
          label={t('returnForm.admin.key')}
          hint={t('returnForm.admin.keyHint')}
          width="half"
          value={draft.key}
          onChange={(event) => change({ key: event.target.value })}
          error={errors[id('key')]}
        />
      )}
      <TextField
        id={id('label')}
        label={t('returnForm.admin.label')}
        value={draft.label}
        onChange={(event) => change({ label: event.target.value })}
        error={errors[id('label')]}
      />
      <TextField
        id={id('help')}
        label={t('returnForm.admin.help')}
        value={draft.help}
        onChange={(event) => change({ help: event.target.value })}
        error={errors[id('help')]}
      />
      <Checkbox
        id={id('required')}
        label={t('returnForm.admin.required')}
        checked={draft.required}
        onChange={(required) => change({ required })}
      />
      {draft.kind === 'choice' && (
        <TextArea
          id={id('options')}
          label={t('returnForm.admin.options')}
          rows={4}
          value={draft.options}
          onChange={(event) => change({ options: event.target.value })}
          error={errors[id('options')]}
        />
      )}
      {draft.kind === 'number' && (
        <>
          <TextField
            id={id('figureName')}
            label={t('returnForm.admin.figureName')}
            value={draft.figureName}
            onChange={(event) => change({ figureName: event.target.value })}
            error={errors[id('figureName')]}
          />
          <TextField
            id={id('figureUnit')}
            label={t('returnForm.admin.figureUnit')}
            width="quarter"
            value={draft.figureUnit}
            onChange={(event) => change({ figureUnit: event.target.value })}
            error={errors[id('figureUnit')]}
          />
          <TextField
            id={id('decimals')}
            label={t('returnForm.admin.decimals')}
            inputMode="numeric"
            width="quarter"
            value={draft.decimals}
            onChange={(event) => change({ decimals: event.target.value })}
            error={errors[id('decimals')]}
          />
        </>
      )}
      <div className="button-group">
        <button
          type="button"
          id={id('up')}
          className="button button--secondary"
          disabled={index === 0}
          onClick={() => move(-1)}
        >
          {t('returnForm.admin.moveUp', { label })}
        </button>
        <button
          type="button"
          id={id('down')}
          className="button button--secondary"
          disabled={index === count - 1}
          onClick={() => move(1)}
        >
          {t('returnForm.admin.moveDown', { label })}
        </button>
        <button type="button" className="button button--warning" onClick={remove}>
          {t('returnForm.admin.remove', { label })}
        </button>
      </div>
    </fieldset>
  );
}
