// The one search field in an event's header: it searches the whole event (pages/search/).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

export function EventSearchField({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (q) navigate(`/events/${eventId}/search?q=${encodeURIComponent(q)}`);
  }

  return (
    <form className="event-search" role="search" aria-label={t('search.label')} onSubmit={submit}>
      <label htmlFor="event-search" className="event-search__label">
        {t('search.label')}
      </label>
      <input
        id="event-search"
        type="search"
        className="input"
        value={query}
        onChange={(changed) => setQuery(changed.target.value)}
      />
      <button type="submit" className="button button--secondary">
        {t('search.submit')}
      </button>
    </form>
  );
}
