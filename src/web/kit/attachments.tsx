// Files on the picture: the list of an owner's files with download and removal, and the upload
// form (keyboard-usable, with progress and the server's refusal beside the field).
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredFile } from '../../contract/files.ts';
import { ApiError } from '../api.ts';
import { type FileOwnerRef, filesApi } from '../clients/files.ts';
import { formatDateTime, formatNumber } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { Checkbox, FieldFrame } from './forms.tsx';
import { LoadError } from './loadError.tsx';
import { Loading } from './layout.tsx';
import { Notice } from './messages.tsx';
import { InternalTag } from './status.tsx';

/** "812 B", "64 kB", "1,5 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${formatNumber(bytes / 1024, 0)} kB`;
  return `${formatNumber(bytes / 1_048_576, 1)} MB`;
}

/** A record's attachments behind a disclosure, read only once it is opened. */
export function Attachments({
  eventId,
  owner,
  canWrite,
}: {
  eventId: number;
  owner: FileOwnerRef;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="attachments"
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
    >
      <summary>{t('files.attachments')}</summary>
      {open && <FilesPanel eventId={eventId} owner={owner} canWrite={canWrite} />}
    </details>
  );
}

/** An owner's files and, for those who may add them, the upload form. */
export function FilesPanel({
  eventId,
  owner,
  canWrite,
  listHeading,
}: {
  eventId: number;
  owner: FileOwnerRef;
  canWrite: boolean;
  listHeading?: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const list = useLoad(() => filesApi.list(eventId, owner), [eventId, JSON.stringify(owner)]);
  const [message, setMessage] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const remove = async (file: StoredFile) => {
    if (!window.confirm(t('files.confirmRemove', { name: file.name }))) return;
    setRemoveError(null);
    try {
      await filesApi.remove(eventId, owner, file.id);
      setMessage(t('files.removed', { name: file.name }));
      list.reload();
    } catch (error) {
      setRemoveError(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <div className="files-panel">
      {listHeading && <h2 id={headingId}>{listHeading}</h2>}
      <div role="status">{message && <Notice kind="success">{message}</Notice>}</div>
      {removeError && (
        <Notice kind="warning" role="alert">
          {removeError}
        </Notice>
      )}
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('files.none')}</p>
      ) : (
        <ul className="plain-list file-list" aria-labelledby={listHeading ? headingId : undefined}>
          {list.data.items.map((file) => (
            <li key={file.id}>
              <a
                href={filesApi.contentUrl(eventId, file.id)}
                download={file.name}
                aria-label={t('files.download', { name: file.name })}
              >
                {file.name}
              </a>{' '}
              {file.internal && <InternalTag />}{' '}
              <span className="small muted">
                {formatSize(file.sizeBytes)} ·{' '}
                {t('files.uploadedBy', {
                  who: file.uploadedByName ?? '–',
                  when: formatDateTime(file.uploadedAt),
                })}
              </span>{' '}
              {canWrite && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('files.removeWhat', { name: file.name })}
                  onClick={() => void remove(file)}
                >
                  {t('files.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <UploadForm
          eventId={eventId}
          owner={owner}
          maxBytes={list.data?.maxBytes}
          onUploaded={(file) => {
            setMessage(t('files.uploaded', { name: file.name }));
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function UploadForm({
  eventId,
  owner,
  maxBytes,
  onUploaded,
}: {
  eventId: number;
  owner: FileOwnerRef;
  maxBytes: number | undefined;
  onUploaded: (file: StoredFile) => void;
}) {
  const { t } = useTranslation();
  const prefix = useId();
  const input = useRef<HTMLInputElement>(null);
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t('files.noFile'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    setProgress({ name: file.name, fraction: 0 });
    try {
      const stored = await filesApi.upload(eventId, owner, file, internal, (fraction) =>
        setProgress({ name: file.name, fraction }),
      );
      if (input.current) input.current.value = '';
      setInternal(false);
      onUploaded(stored);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      input.current?.focus();
    } finally {
      setProgress(null);
    }
  };

  return (
    <form className="upload-form" onSubmit={(event) => void submit(event)} noValidate>
      <FieldFrame
        id={`${prefix}-file`}
        label={t('files.choose')}
        hint={maxBytes ? t('files.chooseHint', { size: formatSize(maxBytes) }) : undefined}
        error={error}
      >
        {(control) => <input type="file" className="input input--auto" ref={input} {...control} />}
      </FieldFrame>
      <Checkbox
        id={`${prefix}-internal`}
        label={t('files.internal')}
        hint={t('files.internalHint')}
        checked={internal}
        onChange={setInternal}
      />
      <button type="submit" className="button" disabled={progress !== null}>
        {t('files.upload')}
      </button>
      {progress && (
        <p className="upload-progress">
          <label htmlFor={`${prefix}-progress`}>
            {t('files.uploading', { name: progress.name })}
          </label>{' '}
          <progress id={`${prefix}-progress`} max={1} value={progress.fraction}>
            {Math.round(progress.fraction * 100)} %
          </progress>
        </p>
      )}
    </form>
  );
}
