// Editing one section of a report: the rich-text editor with a live preview of the published
// page, data blocks read-only (with "Uppdatera från lägesbilden"), a local draft that survives a
// reload, a warning before leaving, and a merge view when someone else saved first (409).
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Checkbox, ErrorSummary } from '../../kit/forms.tsx';
import { PageHeading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime, formatTime } from '../../format.ts';
import { useRelativeTime } from './ReportParts.tsx';
import type { ReportSection } from '../../../contract/reports.ts';
import { ApiError } from '../../api.ts';
import { reportsApi } from '../../clients/reports.ts';
import { draftKey, readDraft, writeDraft } from './sectionDraft.ts';
import { combineTexts } from './SectionMerge.tsx';
import { SectionConflict } from './SectionConflict.tsx';
import { SectionTextField } from './SectionTextField.tsx';
import { SectionPreviewPanel } from './SectionPreviewPanel.tsx';
import { LeaveDialog } from './LeaveDialog.tsx';

/** Kinds whose content is drawn from the live picture. */
const dataKinds = new Set([
  'unit_situations',
  'unit_situation',
  'decisions',
  'milestones',
  'actions',
  'diversions',
  'key_figures',
  'risks',
  'communication',
  'media',
  'spokespersons',
]);

export function SectionEditor({
  eventId,
  reportId,
  reportLabel,
  position,
  server,
  editable,
  readOnlyText,
  stateTag,
  me,
  onSaved,
}: {
  eventId: number;
  reportId: number;
  reportLabel: string;
  position: { index: number; total: number };
  server: ReportSection;
  editable: boolean;
  readOnlyText: string;
  stateTag: ReactNode;
  me: string | undefined;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const key = draftKey(reportId, server.id);
  // A draft kept in this browser from before a reload comes back, with a notice.
  const [initial] = useState(() => {
    const local = readDraft(key);
    if (local && (local.text !== server.text || local.internal !== server.internal)) {
      return {
        base: { ...server, version: local.baseVersion },
        text: local.text,
        internal: local.internal,
        restored: local.at as string | null,
      };
    }
    return { base: server, text: server.text, internal: server.internal, restored: null };
  });
  // What the editor started from: a save sends this version, so a stale one gets a 409.
  const [base, setBase] = useState<ReportSection>(initial.base);
  const [text, setText] = useState(initial.text);
  const [internal, setInternal] = useState(initial.internal);
  const [restored, setRestored] = useState<string | null>(initial.restored);
  const [conflict, setConflict] = useState<ReportSection | null>(null);
  const [merged, setMerged] = useState(false);
  const [discarded, setDiscarded] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const dirty = text !== base.text || internal !== base.internal;

  // Someone else saved: follow them when nothing is typed here; otherwise keep what is typed.
  const otherSave = server.version !== base.version && server.updatedBy !== me ? server : null;
  const [seenVersion, setSeenVersion] = useState(server.version);
  if (seenVersion !== server.version) {
    setSeenVersion(server.version);
    if (!dirty && !conflict && server.version > base.version) {
      setBase(server);
      setText(server.text);
      setInternal(server.internal);
    }
  }

  useEffect(() => {
    if (!dirty) return;
    writeDraft(key, { text, internal, baseVersion: base.version, at: new Date().toISOString() });
  }, [dirty, text, internal, base.version, key]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (beforeUnload: BeforeUnloadEvent) => {
      beforeUnload.preventDefault();
      beforeUnload.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function handleError(caught: unknown) {
    if (caught instanceof ApiError && caught.stale) {
      setConflict(caught.current<ReportSection>()!);
      setErrors({
        summary: [{ id: 'conflict', message: t('reports.conflict.summary') }],
        byField: {},
      });
      return;
    }
    setErrors(
      formErrorsFrom(
        caught,
        { text: 'section-text', internal: 'section-internal' },
        'section-text',
      ),
    );
  }

  async function save(version: number, content = text): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await reportsApi.saveSection(eventId, reportId, server.id, {
        version,
        text: content,
        internal,
      });
      setBase(saved);
      setText(saved.text);
      setInternal(saved.internal);
      setConflict(null);
      setMerged(false);
      setRestored(null);
      setErrors(noErrors);
      writeDraft(key, null);
      setMessage(t('reports.section.saved', { time: formatTime(new Date()) }));
      onSaved();
      return true;
    } catch (caught) {
      handleError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function refresh() {
    setBusy(true);
    setMessage(null);
    try {
      const refreshed = await reportsApi.refreshSection(eventId, reportId, server.id, base.version);
      // The text typed here stays; only the data and the version move on.
      setBase({ ...refreshed, text: base.text, internal: base.internal });
      if (!dirty) {
        setText(refreshed.text);
        setInternal(refreshed.internal);
      }
      setErrors(noErrors);
      setMessage(t('reports.section.refreshed', { time: formatTime(new Date()) }));
      onSaved();
    } catch (caught) {
      handleError(caught);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(formEvent: FormEvent) {
    formEvent.preventDefault();
    void save(base.version);
  }

  function takeTheirs() {
    if (!conflict) return;
    setDiscarded(text);
    setBase(conflict);
    setText(conflict.text);
    setInternal(conflict.internal);
    setConflict(null);
    setErrors(noErrors);
    writeDraft(key, null);
  }

  function editCombined() {
    if (!conflict) return;
    setText(combineTexts(conflict.text, text));
    setBase(conflict);
    setConflict(null);
    setMerged(true);
    setErrors(noErrors);
    setTimeout(() => document.getElementById('section-text')?.focus(), 0);
  }

  const isData =
    dataKinds.has(server.kind) || server.data.internal.length > 0 || server.data.public.length > 0;
  const shown = {
    ...base,
    internal,
    data: server.version >= base.version ? server.data : base.data,
  };

  return (
    <>
      <ErrorSummary errors={errors.summary} />
      <p className="caption">
        {t('reports.section.caption', { report: reportLabel, ...position })} {stateTag}
      </p>
      <PageHeading>{server.title}</PageHeading>
      <p className="muted small">
        {server.updatedBy
          ? t('reports.section.lastSaved', {
              name: server.updatedBy,
              when: formatDateTime(server.updatedAt),
              relative: relative(server.updatedAt),
            })
          : formatDateTime(server.updatedAt)}
      </p>

      {message && (
        <div ref={messageRef} tabIndex={-1} className="focus-target">
          <Notice kind="success" role="status">
            {message}
          </Notice>
        </div>
      )}
      <div role="status" aria-live="polite">
        {otherSave && !conflict && dirty && (
          <Notice kind="warning">
            {t('reports.section.otherSaved', {
              name: otherSave.updatedBy,
              relative: relative(otherSave.updatedAt),
            })}
          </Notice>
        )}
      </div>
      {restored && !conflict && (
        <Notice kind="warning" role="status">
          <p>{t('reports.section.restored', { time: formatDateTime(restored) })}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setText(base.text);
              setInternal(base.internal);
              setBase(server);
              setRestored(null);
              writeDraft(key, null);
            }}
          >
            {t('reports.section.discardLocal')}
          </button>
        </Notice>
      )}
      {discarded !== null && (
        <Notice>
          <p>{t('reports.conflict.tookTheirs')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setText(discarded);
              setDiscarded(null);
            }}
          >
            {t('reports.conflict.undo')}
          </button>
        </Notice>
      )}
      {merged && <Notice kind="warning">{t('reports.conflict.mergedNote')}</Notice>}

      {conflict && (
        <SectionConflict
          conflict={conflict}
          mine={text}
          busy={busy}
          onKeepMine={() => void save(conflict.version)}
          onCombine={editCombined}
          onTakeTheirs={takeTheirs}
        />
      )}

      <div className="section-editor">
        <div className="section-editor__form">
          {editable ? (
            <form onSubmit={onSubmit} noValidate>
              {server.kind === 'about' && <p className="hint">{t('reports.section.aboutHint')}</p>}
              <SectionTextField
                id="section-text"
                label={t('reports.section.text')}
                hint={t(isData ? 'reports.section.textHintData' : 'reports.section.textHint')}
                value={text}
                onChange={(markdown) => {
                  setText(markdown);
                  setMessage(null);
                }}
                error={errors.byField['section-text']}
              />
              <Checkbox
                id="section-internal"
                label={t('reports.section.internal')}
                hint={t('reports.section.internalHint')}
                checked={internal}
                onChange={(checked) => {
                  setInternal(checked);
                  setMessage(null);
                }}
              />
              {dirty && (
                <p className="unsaved" role="status">
                  {t('reports.section.unsaved')}
                </p>
              )}
              <div className="button-group">
                <button type="submit" className="button" disabled={busy}>
                  {t('reports.section.save')}
                </button>
                {isData && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy}
                    onClick={() => void refresh()}
                  >
                    {t('reports.section.refresh')}
                  </button>
                )}
              </div>
              {isData && (
                <p className="muted small">
                  {t('reports.section.refreshedAt', { when: formatDateTime(server.refreshedAt) })}
                </p>
              )}
            </form>
          ) : (
            <Notice>{readOnlyText}</Notice>
          )}
        </div>
        <SectionPreviewPanel section={shown} text={text} internal={internal} />
      </div>

      <LeaveDialog blocker={blocker} />
    </>
  );
}
