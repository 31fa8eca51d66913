// The archive: published reports of one event, with search, the public and (for those allowed)
// internal versions, downloads, the Atom feed and the user's e-mail subscription (said honestly
// when no mail server is configured).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { ExerciseTag } from '../../kit/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { Breadcrumb, useReportName } from './ReportParts.tsx';
import { ApiError } from '../../api.ts';
import { distributionApi } from '../../clients/distribution.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';
import { useMailConfigured } from '../../kit/mail.tsx';

export function ArchivePage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const archive = useLoad(() => reportsApi.archive(eventId, query), [eventId, query]);
  const subscription = useLoad(() => distributionApi.subscription(eventId), [eventId]);
  const mailConfigured = useMailConfigured();
  const [subscribeError, setSubscribeError] = useState<string | null>(null);
  usePageTitle(t('reports.archive.title'));

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (!event.data) return <Loading />;

  function search(formEvent: FormEvent) {
    formEvent.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
    else next.delete('q');
    setParams(next);
  }

  const items = archive.data?.items ?? [];

  async function subscribe() {
    setSubscribeError(null);
    try {
      await distributionApi.subscribe(eventId);
      await subscription.reload();
    } catch (error) {
      setSubscribeError(error instanceof ApiError ? error.message : String(error));
    }
  }

  return (
    <div className="reports archive">
      <Breadcrumb event={event.data} />
      <div className="row-between">
        <PageHeading>
          {t('reports.archive.title')} {event.data.isExercise && <ExerciseTag />}
        </PageHeading>
        {archive.data && items.length > 0 && !query && (
          <a href={archive.data.feed} className="feed-link" type="application/atom+xml">
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" rx="3" fill="#b35900" />
              <circle cx="4.5" cy="11.5" r="1.6" fill="#fff" />
              <path
                d="M3 7a6 6 0 016 6M3 3.5a9.5 9.5 0 019.5 9.5"
                stroke="#fff"
                strokeWidth="1.8"
                fill="none"
              />
            </svg>
            {t('reports.archive.feed')}
          </a>
        )}
      </div>
      {subscription.data && mailConfigured !== undefined && (
        <div className="archive__subscription" role="status">
          {subscription.data.subscribed ? (
            <p>
              {t(
                mailConfigured
                  ? 'reports.archive.subscribed'
                  : 'reports.archive.subscribedWithoutMail',
                { email: subscription.data.email },
              )}
            </p>
          ) : (
            <p>
              {t(
                mailConfigured
                  ? 'reports.archive.subscribeIntro'
                  : 'reports.archive.subscribeIntroWithoutMail',
              )}{' '}
              <button type="button" className="link-button" onClick={() => void subscribe()}>
                {t('reports.archive.subscribe')}
              </button>
            </p>
          )}
          {subscribeError && <p className="field-error">{subscribeError}</p>}
        </div>
      )}
      <form role="search" onSubmit={search} className="archive__search">
        <label className="label" htmlFor="archive-q">
          {t('reports.archive.search')}
        </label>
        <p className="hint" id="archive-q-hint">
          {t('reports.archive.searchHint')}
        </p>
        <div className="archive__search-row">
          <input
            id="archive-q"
            type="search"
            className="input"
            value={draft}
            aria-describedby="archive-q-hint"
            onChange={(change) => setDraft(change.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t('reports.archive.searchButton')}
          </button>
        </div>
      </form>
      {archive.error ? (
        <LoadError error={archive.error} retry={archive.reload} />
      ) : archive.loading && !archive.data ? (
        <Loading />
      ) : (
        <>
          <p role="status" className="archive__count">
            {query
              ? t('reports.archive.found', { count: items.length, query })
              : t('reports.archive.count', { count: items.length })}
          </p>
          <ol className="plain-list archive__list">
            {items.map((item) => {
              const name = reportName(item);
              return (
                <li key={`${item.number}-${item.revision}`} className="archive__item">
                  <h2 className="archive__title">
                    <a href={item.links.public}>
                      {name}: {item.title}
                    </a>
                  </h2>
                  <p className="archive__meta">
                    <span>{t(`reports.kind.${item.kind}`)}</span>
                    <span>
                      {t('reports.archive.published', { when: formatDateTime(item.publishedAt) })}
                    </span>
                    <span>
                      {t('reports.archive.compiled', { when: formatDateTime(item.compiledAt) })}
                    </span>
                    {(item.revision > 1 || item.correctsReportId !== null) && (
                      <strong className="tag correction-tag">
                        {t('reports.archive.correction', { revision: item.revision })}
                      </strong>
                    )}
                  </p>
                  <ul className="archive__links">
                    {item.links.internal && (
                      <li>
                        <a href={item.links.internal}>
                          {t('reports.archive.internal')}
                          <span className="visually-hidden"> – {name}</span>
                        </a>
                      </li>
                    )}
                    <li>
                      <a href={item.links.pdf} download>
                        {t('reports.archive.pdf')}
                        <span className="visually-hidden"> – {name}</span>
                      </a>
                    </li>
                    <li>
                      <a href={item.links.docx} download>
                        {t('reports.archive.docx')}
                        <span className="visually-hidden"> – {name}</span>
                      </a>
                    </li>
                    <li>
                      <a href={item.links.markdown} download>
                        {t('reports.archive.markdown')}
                        <span className="visually-hidden"> – {name}</span>
                      </a>
                    </li>
                    <li>
                      <a
                        href={`/r/${eventId}/${item.number}/sitrep.xml?version=${item.revision}`}
                        download
                      >
                        EDXL-SitRep (XML)
                        <span className="visually-hidden"> – {name}</span>
                      </a>
                    </li>
                  </ul>
                  <p className="archive__hash small muted">
                    {t('reports.archive.hash')}: <code>{item.contentHash.slice(0, 16)}…</code>
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
