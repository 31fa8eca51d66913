// Every record of the event that matches the words typed in the header's search field
// (/events/:eventId/search?q=…): decisions, log, actions, meetings, communication, situations,
// reports and lessons, newest first, each linked to its place (a report to its published page for
// those who may not open its workflow); "no hits" said plainly.
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { Loading } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { Notice } from '../../kit/messages.tsx';
import { InternalTag } from '../../kit/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import type { SearchHit } from '../../../contract/search.ts';
import { hitKinds, placeOf, searchApi } from '../../clients/search.ts';

export function SearchPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const query = (useSearchParams()[0].get('q') ?? '').trim();
  const results = useLoad(
    () => (query ? searchApi.search(eventId, query) : Promise.resolve({ items: [] })),
    [eventId, query],
  );
  return (
    <EventPage eventId={eventId} title={t('search.title')}>
      {(_event, _can, access) => (
        <section aria-labelledby="search-results-title" aria-live="polite">
          <h2 id="search-results-title">
            {query ? t('search.resultsFor', { query }) : t('search.noQuery')}
          </h2>
          {results.error ? (
            <LoadError error={results.error} retry={results.reload} />
          ) : !results.data ? (
            <Loading />
          ) : results.data.items.length === 0 ? (
            query && (
              <Notice>
                <p>
                  <strong>{t('search.none', { query })}</strong>
                </p>
                <p>{t('search.noneHint')}</p>
              </Notice>
            )
          ) : (
            <>
              <p>{t('search.count', { count: results.data.items.length })}</p>
              <ol className="search-hits">
                {results.data.items.map((hit) => (
                  <Hit
                    key={`${hit.kind}-${hit.id}`}
                    eventId={eventId}
                    hit={hit}
                    mayOpenReports={access.can('internal.read')}
                  />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </EventPage>
  );
}

function Hit({
  eventId,
  hit,
  mayOpenReports,
}: {
  eventId: number;
  hit: SearchHit;
  mayOpenReports: boolean;
}) {
  const { t } = useTranslation();
  const place = placeOf(eventId, hit, mayOpenReports);
  const kind = (hitKinds as readonly string[]).includes(hit.kind)
    ? t(`search.kinds.${hit.kind}`)
    : hit.kind;
  // An item without a title (an action is named by its text) is named by what it is.
  const title = hit.title.trim() || hit.excerpt.slice(0, 80) || kind;
  return (
    <li className="search-hit">
      <p className="search-hit__kind small">
        {kind} · {formatDateTime(hit.at)} {hit.internal && <InternalTag />}
      </p>
      <h3 className="search-hit__title">
        <HitLink place={place}>{title}</HitLink>
      </h3>
      {hit.excerpt && <p className="search-hit__excerpt">{hit.excerpt}</p>}
    </li>
  );
}

/** A place in the app by the router; a published report's page (/r/…) is the server's own. */
function HitLink({ place, children }: { place: string | null; children: string }) {
  if (!place) return children;
  if (place.startsWith('/r/')) return <a href={place}>{children}</a>;
  return <Link to={place}>{children}</Link>;
}
