// The audit trail: every write, who, when, what, before and after. Filters and paging (by id,
// so records arriving meanwhile never shift a page).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isoOf } from '../../kit/fieldSpec.tsx';
import { DateField } from '../../kit/dateField.tsx';
import { SelectField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { EventAdminPage, SystemAdminPage } from './AdminFrame.tsx';
import type { AuditRecord } from '../../../contract/audit.ts';
import { auditApi } from '../../clients/audit.ts';
import { usersApi } from '../../clients/users.ts';
import { auditCodes } from '../../i18n-audit.sv.ts';
import { auditItemName, auditWord } from './audit-words.ts';

const limit = 50;

interface Filter {
  action: string;
  entityType: string;
  actorUserId: string;
  from: string;
  to: string;
}
const emptyFilter: Filter = { action: '', entityType: '', actorUserId: '', from: '', to: '' };

export function SystemAuditPage() {
  const { t } = useTranslation();
  return (
    <SystemAdminPage title={t('admin.audit.title')}>
      <AuditTrail eventId={null} />
    </SystemAdminPage>
  );
}

export function EventAuditPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventAdminPage eventId={eventId} title={t('admin.audit.eventTitle')}>
      {() => <AuditTrail eventId={eventId} />}
    </EventAdminPage>
  );
}

function AuditTrail({ eventId }: { eventId: number | null }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>(emptyFilter);
  const [filter, setFilter] = useState<Filter>(emptyFilter);
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const beforeId = pages.at(-1);
  const users = useLoad(() => usersApi.list().catch(() => ({ items: [] })), []);
  const records = useLoad(
    () =>
      auditApi.list(eventId, {
        limit,
        beforeId,
        action: filter.action.trim() || undefined,
        entityType: filter.entityType.trim() || undefined,
        actorUserId: filter.actorUserId || undefined,
        from: isoOf(filter.from) ?? undefined,
        to: isoOf(filter.to) ?? undefined,
      }),
    [eventId, filter, beforeId],
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(draft);
    setPages([undefined]);
  }

  const set = (name: keyof Filter) => (value: string) =>
    setDraft((before) => ({ ...before, [name]: value }));

  return (
    <>
      <form
        className="filters filters--wrap"
        role="search"
        aria-label={t('admin.audit.filters')}
        onSubmit={apply}
      >
        <AuditCodeSelect
          id="audit-action"
          kind="action"
          label={t('admin.audit.action')}
          value={draft.action}
          onChange={set('action')}
        />
        <AuditCodeSelect
          id="audit-entity"
          kind="entity"
          label={t('admin.audit.entity')}
          value={draft.entityType}
          onChange={set('entityType')}
        />
        {users.data && users.data.items.length > 0 && (
          <SelectField
            id="audit-actor"
            label={t('admin.audit.actor')}
            value={draft.actorUserId}
            options={[
              { value: '', label: t('picture.filter.all') },
              ...users.data.items.map((user) => ({ value: String(user.id), label: user.name })),
            ]}
            onChange={set('actorUserId')}
          />
        )}
        <DateField
          id="audit-from"
          kind="datetime"
          label={t('admin.audit.from')}
          value={draft.from}
          onChange={set('from')}
        />
        <DateField
          id="audit-to"
          kind="datetime"
          label={t('admin.audit.to')}
          value={draft.to}
          onChange={set('to')}
        />
        <div className="filters__buttons">
          <button type="submit" className="button">
            {t('admin.audit.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(emptyFilter);
              setFilter(emptyFilter);
              setPages([undefined]);
            }}
          >
            {t('admin.audit.clear')}
          </button>
        </div>
      </form>
      {records.error ? (
        <LoadError error={records.error} retry={records.reload} />
      ) : !records.data ? (
        <Loading />
      ) : records.data.items.length === 0 ? (
        <p>{t('admin.audit.none')}</p>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="audit-caption">
            <table className="table table--dense audit-table">
              <caption id="audit-caption" className="table-note">
                {t('admin.audit.caption', { page: pages.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.entity')}</th>
                  <th scope="col">{t('admin.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {records.data.items.map((record) => (
                  <AuditRow key={record.id} record={record} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('picture.pager.label')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={pages.length <= 1}
              onClick={() => setPages((before) => before.slice(0, -1))}
            >
              ← {t('admin.audit.newer')}
            </button>
            <span>{t('admin.audit.pageOf', { page: pages.length })}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={records.data.nextBeforeId === null}
              onClick={() => {
                const next = records.data!.nextBeforeId;
                if (next !== null) setPages((before) => [...before, next]);
              }}
            >
              {t('admin.audit.older')} →
            </button>
          </nav>
        </>
      )}
    </>
  );
}

function AuditCodeSelect({
  kind,
  ...field
}: {
  id: string;
  kind: 'action' | 'entity';
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const options = auditCodes[kind]
    .map((code) => ({ value: code, label: auditWord(t, kind, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  return (
    <SelectField {...field} options={[{ value: '', label: t('picture.filter.all') }, ...options]} />
  );
}

function AuditRow({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const hasDetails = record.before !== null || record.after !== null;
  return (
    <tr>
      <td className="nowrap">{formatDateTime(record.at)}</td>
      <td>{record.actor}</td>
      <td>
        {auditWord(t, 'action', record.action)} <code className="muted small">{record.action}</code>
      </td>
      <td className="break">{auditItemName(t, record)}</td>
      <td>
        {hasDetails ? (
          <details>
            <summary>{t('admin.audit.show')}</summary>
            {record.before !== null && (
              <>
                <p className="small">
                  <strong>{t('admin.audit.before')}</strong>
                </p>
                <pre className="json">{JSON.stringify(record.before, null, 1)}</pre>
              </>
            )}
            {record.after !== null && (
              <>
                <p className="small">
                  <strong>{t('admin.audit.after')}</strong>
                </p>
                <pre className="json">{JSON.stringify(record.after, null, 1)}</pre>
              </>
            )}
          </details>
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
}
