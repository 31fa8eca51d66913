// The library of event set-ups (/admin/setups): import a file, download, remove. And an event's
// own set-up (/events/:id/admin/setup): download it, or save it in the library.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useParams } from 'react-router';
import { ErrorSummary, TextArea, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { DataTable, RowButton } from '../../kit/recordList.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { Notice, SavedNotice, errorText } from '../../kit/messages.tsx';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { useSession } from '../../session.tsx';
import { ApiError } from '../../api.ts';
import { setupsApi } from '../../clients/setups.ts';
import type { SetupSummary } from '../../../contract/setups.ts';
import { EventAdminPage, SystemAdminPage } from './AdminFrame.tsx';

export function SetupsPage() {
  const { t } = useTranslation();
  const setups = useLoad(() => setupsApi.list(), []);
  const [message, setMessage] = useState('');

  async function done(text: string) {
    setMessage(text);
    await setups.reload();
  }

  return (
    <SystemAdminPage title={t('setups.library.title')}>
      <p className="lead">{t('setups.library.intro')}</p>
      <SavedNotice message={message} />
      {setups.error ? (
        <LoadError error={setups.error} retry={setups.reload} />
      ) : !setups.data ? (
        <Loading />
      ) : (
        <SetupTable items={setups.data.items} onRemoved={done} />
      )}
      <ImportSetup onImported={done} />
    </SystemAdminPage>
  );
}

function SetupTable({
  items,
  onRemoved,
}: {
  items: SetupSummary[];
  onRemoved: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');

  async function remove(setup: SetupSummary) {
    if (!window.confirm(t('setups.library.confirmRemove', { name: setup.name }))) return;
    setFailure('');
    try {
      await setupsApi.remove(setup.id, setup.version);
      await onRemoved(t('setups.library.removed', { name: setup.name }));
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  return (
    <section className="section" aria-labelledby="setups-list-title">
      <h2 id="setups-list-title">{t('setups.library.listTitle')}</h2>
      {failure && (
        <Notice kind="warning" role="alert">
          <p>{failure}</p>
        </Notice>
      )}
      {items.length === 0 ? (
        <p>{t('setups.library.empty')}</p>
      ) : (
        <DataTable
          labelledBy="setups-list-title"
          caption={t('setups.library.listTitle')}
          columns={[
            t('setups.library.name'),
            t('setups.library.templates'),
            t('setups.library.updated'),
          ]}
          actions
        >
          {items.map((setup) => (
            <tr key={setup.id}>
              <th scope="row">
                {setup.name}
                {setup.description && <p className="small muted">{setup.description}</p>}
              </th>
              <td>{setup.templateNames.join(', ')}</td>
              <td className="nowrap">{formatDateTime(setup.updatedAt)}</td>
              <td className="actions-cell">
                <a href={setupsApi.fileUrl(setup.id)} download>
                  {t('setups.library.download')}
                  <span className="visually-hidden">: {setup.name}</span>
                </a>{' '}
                <RowButton what={setup.name} onClick={() => void remove(setup)}>
                  {t('setups.library.remove')}
                </RowButton>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The server names a wrong place in the file by its path; people read it without "setup.". */
function fileErrors(error: unknown, t: TFunction): FormErrors {
  if (!(error instanceof ApiError) || error.fields.length === 0) {
    return formErrorsFrom(error, {}, 'setup-file');
  }
  const messages = error.fields.map((field) =>
    t('setups.library.errorAt', {
      path: field.field.replace(/^setup\.?/, '') || '/',
      message: field.message,
    }),
  );
  return {
    summary: messages.map((message) => ({ id: 'setup-file', message })),
    byField: { 'setup-file': messages.join(' ') },
  };
}

function ImportSetup({ onImported }: { onImported: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setErrors(clientErrors([['setup-file', t('setups.library.noFile')]]));
      return;
    }
    setBusy(true);
    try {
      const parsed = await parseJson(file);
      if ('problem' in parsed) {
        setErrors(
          clientErrors([['setup-file', t('setups.library.notJson', { detail: parsed.problem })]]),
        );
        return;
      }
      const imported = await setupsApi.import(parsed.value);
      setErrors(noErrors);
      await onImported(t('setups.library.imported', { name: imported.name }));
    } catch (error) {
      setErrors(fileErrors(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="setup-import-title">
      <h2 id="setup-import-title">{t('setups.library.importTitle')}</h2>
      <ErrorSummary errors={errors.summary} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="setup-file"
          type="file"
          accept="application/json,.json"
          label={t('setups.library.file')}
          hint={t('setups.library.importHint')}
          error={errors.byField['setup-file']}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('setups.library.import')}
        </button>
      </form>
    </section>
  );
}

async function parseJson(file: File): Promise<{ value: unknown } | { problem: string }> {
  try {
    return { value: JSON.parse(await file.text()) as unknown };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export function EventSetupPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventAdminPage
      eventId={eventId}
      title={t('setups.event.title')}
      intro={t('setups.event.intro')}
    >
      {(event) => (
        <>
          <p>
            <a className="button button--secondary" href={setupsApi.eventFileUrl(eventId)} download>
              {t('setups.event.download')}
            </a>
          </p>
          <SaveInLibrary eventId={eventId} eventName={event.name} />
        </>
      )}
    </EventAdminPage>
  );
}

function SaveInLibrary({ eventId, eventName }: { eventId: number; eventName: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [name, setName] = useState(eventName);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await setupsApi.saveEvent(eventId, { name, description });
      setErrors(noErrors);
      setMessage(t('setups.event.saved', { name: saved.name }));
    } catch (error) {
      setErrors(
        formErrorsFrom(
          error,
          { name: 'setup-name', description: 'setup-description' },
          'setup-name',
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="setup-save-title">
      <h2 id="setup-save-title">{t('setups.event.saveTitle')}</h2>
      {!user?.isAdmin ? (
        <p>{t('setups.event.onlySystemAdmin')}</p>
      ) : (
        <>
          <SavedNotice message={message} />
          <ErrorSummary errors={errors.summary} />
          <form onSubmit={submit} noValidate>
            <TextField
              id="setup-name"
              label={t('setups.event.name')}
              value={name}
              error={errors.byField['setup-name']}
              onChange={(event) => setName(event.target.value)}
            />
            <TextArea
              id="setup-description"
              label={t('setups.event.description')}
              rows={3}
              value={description}
              error={errors.byField['setup-description']}
              onChange={(event) => setDescription(event.target.value)}
            />
            <button type="submit" className="button" disabled={busy}>
              {t('setups.event.save')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
