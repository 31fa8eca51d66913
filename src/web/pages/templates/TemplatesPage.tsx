// An event's report templates (/events/:id/admin/templates): the list, a new template from
// scratch, a copy or a file, and the editor of the one opened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorSummary, FieldFrame, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { allPages } from '../../api.ts';
import { EventAdminPage } from '../admin/AdminFrame.tsx';
import { asUnitList, eventUnitsApi } from '../../clients/event-units.ts';
import { figuresApi } from '../../clients/figures.ts';
import { templatesApi } from '../../clients/templates.ts';
import type { Template } from '../../../contract/templates.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import { flatTitles, keyFromTitle } from './tree.ts';
import './templates.css';

export function TemplatesPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const templates = useLoad(() => templatesApi.list(eventId), [eventId]);
  const shape = useLoad(
    async () => ({
      figures: await allPages((query) => figuresApi.list(eventId, query)),
      units: asUnitList(await eventUnitsApi.list(eventId)).items,
    }),
    [eventId],
  );
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const chosen = templates.data?.items.find((item) => item.id === selectedId);

  function opened(template: Template, message: string) {
    setSelectedId(template.id);
    setNotice(message);
    void templates.reload();
  }

  return (
    <EventAdminPage eventId={eventId} title={t('templates.title')} intro={t('templates.intro')}>
      {(_event, can) =>
        templates.error ? (
          <LoadError error={templates.error} retry={templates.reload} />
        ) : shape.error ? (
          <LoadError error={shape.error} retry={shape.reload} />
        ) : !templates.data || !shape.data ? (
          <Loading />
        ) : (
          <>
            <TemplateList
              templates={templates.data.items}
              chosenId={chosen?.id ?? null}
              canManage={can('template.manage')}
              onOpen={(id) => {
                setSelectedId(id);
                setNotice('');
              }}
              onCopy={async (template) => {
                const copy = await templatesApi.copy(
                  eventId,
                  template.id,
                  t('templates.copyName', { name: template.name }),
                );
                opened(copy, t('templates.created', { name: copy.name }));
              }}
            />
            <div role="status" aria-live="polite">
              {notice && <Notice kind="success">{notice}</Notice>}
            </div>
            {can('template.manage') && (
              <div className="template-start">
                <NewTemplateForm
                  eventId={eventId}
                  onCreated={(template) =>
                    opened(template, t('templates.created', { name: template.name }))
                  }
                />
                <ImportForm
                  eventId={eventId}
                  onImported={(template) =>
                    opened(template, t('templates.imported', { name: template.name }))
                  }
                />
              </div>
            )}
            {chosen && can('template.manage') && (
              <TemplateEditor
                key={chosen.id}
                eventId={eventId}
                template={chosen}
                figures={shape.data.figures}
                units={shape.data.units}
                onSaved={() => void templates.reload()}
              />
            )}
          </>
        )
      }
    </EventAdminPage>
  );
}

function TemplateList({
  templates,
  chosenId,
  canManage,
  onOpen,
  onCopy,
}: {
  templates: Template[];
  chosenId: number | null;
  canManage: boolean;
  onOpen: (id: number) => void;
  onCopy: (template: Template) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="templates-list-title">
      <h2 id="templates-list-title">{t('templates.listTitle')}</h2>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="templates-list-title">
        <table className="table table--dense">
          <caption className="visually-hidden">{t('templates.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('templates.name')}</th>
              <th scope="col" className="numeric">
                {t('templates.sections')}
              </th>
              <th scope="col">{t('templates.updated')}</th>
              <th scope="col" className="numeric">
                {t('templates.version')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('picture.form.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id}>
                <th scope="row">{template.name}</th>
                <td className="numeric">{flatTitles(template.sections).length}</td>
                <td className="nowrap">{formatDateTime(template.provenance.updatedAt)}</td>
                <td className="numeric">{template.version}</td>
                <td className="actions-cell">
                  {canManage && (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={chosenId === template.id}
                        onClick={() => onOpen(template.id)}
                      >
                        {t('templates.open')}
                        <span className="visually-hidden">: {template.name}</span>
                      </button>{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void onCopy(template)}
                      >
                        {t('templates.copy')}
                        <span className="visually-hidden">: {template.name}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NewTemplateForm({
  eventId,
  onCreated,
}: {
  eventId: number;
  onCreated: (template: Template) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  async function create() {
    const first = t('templates.firstSection');
    try {
      const template = await templatesApi.create(eventId, {
        name,
        sections: [{ key: keyFromTitle(first), title: first, kind: 'text' }],
      });
      setName('');
      setErrors(noErrors);
      onCreated(template);
    } catch (error) {
      setErrors(formErrorsFrom(error, { name: 'new-template-name' }, 'new-template-name'));
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby="new-template-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2 id="new-template-title" className="panel__title">
        {t('templates.newTitle')}
      </h2>
      <ErrorSummary errors={errors.summary} />
      <TextField
        id="new-template-name"
        label={t('templates.newName')}
        error={errors.byField['new-template-name']}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button">
        {t('templates.create')}
      </button>
    </form>
  );
}

function ImportForm({
  eventId,
  onImported,
}: {
  eventId: number;
  onImported: (template: Template) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const fieldIdOf = 'template-file';

  async function read() {
    if (!file) {
      setErrors(clientErrors([[fieldIdOf, t('templates.importNoFile')]]));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setErrors(
        clientErrors([[fieldIdOf, t('templates.importNotJson', { problem: String(error) })]]),
      );
      return;
    }
    try {
      const template = await templatesApi.importFile(eventId, parsed as Record<string, unknown>);
      setErrors(noErrors);
      onImported(template);
    } catch (error) {
      setErrors(
        clientErrors([[fieldIdOf, error instanceof Error ? error.message : String(error)]]),
      );
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby="import-template-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void read();
      }}
    >
      <h2 id="import-template-title" className="panel__title">
        {t('templates.importTitle')}
      </h2>
      <ErrorSummary errors={errors.summary} />
      <FieldFrame
        id={fieldIdOf}
        label={t('templates.importFile')}
        hint={t('templates.importHint')}
        error={errors.byField[fieldIdOf]}
      >
        {(control) => (
          <input
            type="file"
            className="file-input"
            accept="application/json,.json"
            {...control}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </FieldFrame>
      <button type="submit" className="button button--secondary">
        {t('templates.importButton')}
      </button>
    </form>
  );
}
