// Editing one section of a report: a textarea with a live preview of the published page, data
// blocks read-only (with "Uppdatera från lägesbilden"), a local draft that survives a reload, a
// warning before leaving, and a merge view when someone else saved first (409).
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router';
import { Checkbox, ErrorSummary, TextArea } from '../../kit/forms.tsx';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime, formatTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import {
  Breadcrumb,
  ReportStateTag,
  useLiveReport,
  useRelativeTime,
  useReportName,
} from './ReportParts.tsx';
import { SectionPreview } from './Preview.tsx';
import type { ReportSection } from '../../../contract/reports.ts';
import { ApiError } from '../../api.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';
import { draftKey, readDraft, writeDraft } from './sectionDraft.ts';
import { LineDiff, combineTexts } from './SectionMerge.tsx';

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

export function EditSectionPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const sectionId = Number(params.sectionId);
  const { user } = useSession();
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const { report, error, reload } = useLiveReport(eventId, reportId, user?.name);
  const section = report?.sections.find((candidate) => candidate.id === sectionId);
  usePageTitle(section ? section.title : t('reports.section.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (error && !report) return <LoadError error={error} retry={() => void reload()} />;
  if (!event.data || !report) return <Loading />;
  if (!section)
    return (
      <LoadError error={new ApiError(404, 'not_found', t('reports.section.missing'), [], {})} />
    );

  const index = report.sections.indexOf(section);
  const previous = report.sections[index - 1];
  const next = report.sections[index + 1];
  const base = `/events/${eventId}/reports/${reportId}`;

  return (
    <div className="reports">
      <Breadcrumb
        event={event.data}
        trail={[
          { to: `/events/${eventId}/reports`, label: t('reports.list.title') },
          { to: base, label: reportName(report) },
        ]}
      />
      <SectionEditor
        key={section.id}
        eventId={eventId}
        reportId={reportId}
        reportLabel={reportName(report)}
        position={{ index: index + 1, total: report.sections.length }}
        server={section}
        editable={report.state === 'draft' && event.data.state !== 'closed'}
        readOnlyText={t(
          report.state === 'published'
            ? 'reports.workflow.next.published'
            : 'reports.section.readOnly',
        )}
        stateTag={<ReportStateTag state={report.state} />}
        me={user?.name}
        onSaved={() => void reload()}
      />
      <nav className="pager" aria-label={t('reports.section.pager')}>
        {previous ? (
          <Link to={`${base}/sections/${previous.id}`} rel="prev">
            <span className="pager__dir">{t('reports.section.previous')}</span>
            <span className="pager__title">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        <Link to={base} className="pager__all">
          {t('reports.section.all')}
        </Link>
        {next ? (
          <Link to={`${base}/sections/${next.id}`} rel="next" className="pager__next">
            <span className="pager__dir">{t('reports.section.next')}</span>
            <span className="pager__title">{next.title}</span>
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}

function SectionEditor({
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
  const [audience, setAudience] = useState<'public' | 'internal'>(
    server.internal ? 'internal' : 'public',
  );
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);
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
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

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
        <section
          className="conflict"
          id="conflict"
          tabIndex={-1}
          ref={conflictRef}
          aria-labelledby="conflict-title"
        >
          <h2 id="conflict-title">{t('reports.conflict.title')}</h2>
          <p>
            {t('reports.conflict.text', {
              name: conflict.updatedBy ?? t('reports.conflict.someone'),
              when: formatDateTime(conflict.updatedAt),
            })}
          </p>
          <div className="conflict__columns">
            <div>
              <h3>
                {t('reports.conflict.theirs', {
                  name: conflict.updatedBy ?? t('reports.conflict.someone'),
                })}
              </h3>
              <LineDiff text={conflict.text} other={text} label={t('reports.conflict.onlyHere')} />
            </div>
            <div>
              <h3>{t('reports.conflict.yours')}</h3>
              <LineDiff text={text} other={conflict.text} label={t('reports.conflict.onlyHere')} />
            </div>
          </div>
          <p className="muted small">{t('reports.conflict.legend')}</p>
          <div className="button-group">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void save(conflict.version)}
            >
              {t('reports.conflict.keepMine')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={editCombined}
            >
              {t('reports.conflict.combine')}
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={takeTheirs}>
              {t('reports.conflict.takeTheirs')}
            </button>
          </div>
        </section>
      )}

      <div className="section-editor">
        <div className="section-editor__form">
          {editable ? (
            <form onSubmit={onSubmit} noValidate>
              {server.kind === 'about' && <p className="hint">{t('reports.section.aboutHint')}</p>}
              <TextArea
                id="section-text"
                label={<span className="label--m">{t('reports.section.text')}</span>}
                hint={t(isData ? 'reports.section.textHintData' : 'reports.section.textHint')}
                rows={14}
                value={text}
                spellCheck
                lang="sv"
                onChange={(change) => {
                  setText(change.target.value);
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
        <section className="section-editor__preview" aria-labelledby="preview-title">
          <div className="preview-head">
            <h2 id="preview-title">{t('reports.preview.title')}</h2>
            <fieldset className="fieldset preview-audience">
              <legend className="visually-hidden">{t('reports.preview.audience')}</legend>
              {(['public', 'internal'] as const).map((option) => (
                <div className="radio radio--small" key={option}>
                  <input
                    type="radio"
                    id={`audience-${option}`}
                    name="audience"
                    checked={audience === option}
                    onChange={() => setAudience(option)}
                  />
                  <label htmlFor={`audience-${option}`}>{t(`reports.preview.${option}`)}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <div className="report-preview">
            {audience === 'public' && internal ? (
              <p className="muted">{t('reports.preview.hiddenInPublic')}</p>
            ) : (
              <SectionPreview section={shown} text={text} audience={audience} />
            )}
          </div>
        </section>
      </div>

      {blocker.state === 'blocked' && (
        <div className="dialog-backdrop">
          <div
            className="dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="leave-title"
          >
            <h2 id="leave-title">{t('reports.section.leaveWarning')}</h2>
            <p>{t('reports.section.leaveKept')}</p>
            <div className="button-group">
              <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>
                {t('reports.section.stay')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => blocker.proceed()}
              >
                {t('reports.section.leave')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
