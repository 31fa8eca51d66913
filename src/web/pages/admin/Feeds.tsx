// An event's feeds: figure sources fetched on a schedule, and webhooks with their delivery log.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice, errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { EventAdminPage } from './AdminFrame.tsx';
import type { FigureSource } from '../../../contract/feeds.ts';
import { type ShownWebhook, feedsApi } from '../../clients/feeds.ts';

const webhookTypes = ['report.published', 'diversion.changed', 'readiness.changed'];

export function FeedsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventAdminPage eventId={eventId} title={t('admin.feeds.title')} intro={t('admin.feeds.intro')}>
      {() => (
        <>
          <SourcesSection eventId={eventId} />
          <WebhooksSection eventId={eventId} />
        </>
      )}
    </EventAdminPage>
  );
}

function SourcesSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const sources = useLoad(() => feedsApi.sources(eventId), [eventId]);
  const [editing, setEditing] = useState<FigureSource | null>(null);
  const [shown, setShown] = useState<FigureSource | null>(null);
  const [message, setMessage] = useState('');

  const fields: FieldSpec[] = [
    { name: 'name', label: t('admin.feeds.name'), kind: 'text', required: true },
    {
      name: 'url',
      label: t('admin.feeds.url'),
      hint: t('admin.feeds.urlHint'),
      kind: 'text',
      required: true,
    },
    {
      name: 'format',
      label: t('admin.feeds.format'),
      kind: 'select',
      options: [
        { value: 'csv', label: 'CSV' },
        { value: 'json', label: 'JSON' },
      ],
      width: 'half',
    },
    {
      name: 'intervalMinutes',
      label: t('admin.feeds.interval'),
      hint: t('admin.feeds.intervalHint'),
      kind: 'number',
      required: true,
      width: 'half',
    },
    { name: 'enabled', label: t('admin.feeds.enabled'), kind: 'checkbox' },
  ];

  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{t('admin.feeds.sourcesTitle')}</h2>
      <div role="status" aria-live="polite">
        {message && <Notice kind="success">{message}</Notice>}
      </div>
      <div className="picture-layout">
        <div className="picture-layout__form">
          <RecordForm<FigureSource>
            key={editing ? `edit-${editing.id}` : 'create'}
            id="source-form"
            title={
              editing
                ? t('admin.feeds.editSource', { name: editing.name })
                : t('admin.feeds.newSource')
            }
            fields={fields}
            initial={{ name: '', url: '', format: 'csv', intervalMinutes: '60', enabled: true }}
            editing={editing}
            toValues={(source): Values => ({
              name: source.name,
              url: source.url,
              format: source.format,
              intervalMinutes: String(source.intervalMinutes),
              enabled: source.enabled,
            })}
            save={(values, version) => {
              const body = {
                name: str(values.name),
                url: str(values.url).trim(),
                format: str(values.format),
                intervalMinutes: Number(str(values.intervalMinutes)),
                enabled: values.enabled === true,
              };
              return editing
                ? feedsApi.updateSource(eventId, editing.id, { version, ...body })
                : feedsApi.createSource(eventId, body);
            }}
            submitLabel={editing ? t('picture.form.save') : t('admin.feeds.addSource')}
            onSaved={(source) => {
              setMessage(t('admin.feeds.sourceSaved', { name: source.name }));
              setEditing(null);
              void sources.reload();
            }}
            {...(editing && { onCancel: () => setEditing(null) })}
          />
        </div>
        <div className="picture-layout__list">
          {sources.error ? (
            <LoadError error={sources.error} retry={sources.reload} />
          ) : !sources.data ? (
            <Loading />
          ) : sources.data.items.length === 0 ? (
            <p>{t('admin.feeds.noSources')}</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="sources-title">
              <table className="table table--dense">
                <caption className="visually-hidden">{t('admin.feeds.sourcesTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.feeds.name')}</th>
                    <th scope="col">{t('admin.feeds.format')}</th>
                    <th scope="col">{t('admin.feeds.lastRun')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('picture.form.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sources.data.items.map((source) => (
                    <tr key={source.id}>
                      <th scope="row">
                        {source.name}
                        <div className="small muted break">{source.url}</div>
                        {!source.enabled && <div className="small">{t('admin.feeds.off')}</div>}
                      </th>
                      <td>
                        {source.format.toUpperCase()},{' '}
                        {t('admin.feeds.every', { count: source.intervalMinutes })}
                      </td>
                      <td>
                        {source.lastRun ? (
                          <>
                            {t(`admin.feeds.result.${source.lastRun.result}`)}{' '}
                            {formatDateTime(source.lastRun.at)}
                            <div className="small">{source.lastRun.message}</div>
                          </>
                        ) : (
                          t('admin.feeds.neverRun')
                        )}
                      </td>
                      <td>
                        <RowActions
                          name={source.name}
                          showLabel={t('admin.feeds.showRuns')}
                          shown={shown?.id === source.id}
                          onChange={() => setEditing(source)}
                          onToggle={() => setShown(shown?.id === source.id ? null : source)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {shown && <RunsTable key={shown.id} eventId={eventId} source={shown} />}
        </div>
      </div>
    </section>
  );
}

function RunsTable({ eventId, source }: { eventId: number; source: FigureSource }) {
  const { t } = useTranslation();
  const runs = useLoad(() => feedsApi.runs(eventId, source.id), [eventId, source.id]);
  const title = t('admin.feeds.runsTitle', { name: source.name });
  if (runs.error) return <LoadError error={runs.error} retry={runs.reload} />;
  if (!runs.data) return <Loading />;
  return (
    <section aria-labelledby="runs-title">
      <h3 id="runs-title">{title}</h3>
      {runs.data.items.length === 0 ? (
        <p>{t('admin.feeds.noRuns')}</p>
      ) : (
        <ul>
          {runs.data.items.map((run) => (
            <li key={run.id}>
              {formatDateTime(run.finishedAt)}:{' '}
              {t(`admin.feeds.result.${run.ok ? 'ok' : 'failed'}`)}. {run.message}
              {run.errors.length > 0 && (
                <ul>
                  {run.errors.map((problem, index) => (
                    <li key={index}>
                      {t('admin.feeds.row', { row: problem.row })}: {problem.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WebhooksSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const webhooks = useLoad(() => feedsApi.webhooks(eventId), [eventId]);
  const [editing, setEditing] = useState<ShownWebhook | null>(null);
  const [shown, setShown] = useState<ShownWebhook | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [message, setMessage] = useState('');
  const secretRef = useRef<HTMLDivElement>(null);

  const fields: FieldSpec[] = [
    { name: 'name', label: t('admin.feeds.name'), kind: 'text', required: true },
    { name: 'url', label: t('admin.feeds.webhookUrl'), kind: 'text', required: true },
    {
      name: 'eventTypes',
      label: t('admin.feeds.eventTypes'),
      kind: 'checkboxes',
      required: true,
      options: webhookTypes.map((value) => ({ value, label: t(`admin.feeds.types.${value}`) })),
    },
    { name: 'active', label: t('admin.feeds.active'), kind: 'checkbox' },
  ];

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('admin.feeds.webhooksTitle')}</h2>
      <p>{t('admin.feeds.webhooksIntro')}</p>
      {secret && (
        <div className="notice notice--success one-time" role="alert" tabIndex={-1} ref={secretRef}>
          <h3>{t('admin.feeds.secretTitle', { name: secret.name })}</h3>
          <p>{t('admin.feeds.secretText')}</p>
          <p className="one-time__password">
            <code data-testid="webhook-secret">{secret.secret}</code>
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setSecret(null)}
          >
            {t('admin.feeds.secretDone')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {message && <Notice kind="success">{message}</Notice>}
      </div>
      <div className="picture-layout">
        <div className="picture-layout__form">
          <RecordForm<ShownWebhook>
            key={editing ? `edit-${editing.id}` : 'create'}
            id="webhook-form"
            title={
              editing
                ? t('admin.feeds.editWebhook', { name: editing.name })
                : t('admin.feeds.newWebhook')
            }
            fields={fields}
            initial={{ name: '', url: '', eventTypes: [...webhookTypes], active: true }}
            editing={editing}
            toValues={(webhook): Values => ({
              name: webhook.name,
              url: webhook.url,
              eventTypes: webhook.eventTypes,
              active: webhook.active,
            })}
            save={(values, version) => {
              const body = {
                name: str(values.name),
                url: str(values.url).trim(),
                eventTypes: Array.isArray(values.eventTypes) ? values.eventTypes : [],
                active: values.active === true,
              };
              return editing
                ? feedsApi.updateWebhook(eventId, editing.id, { version, ...body })
                : feedsApi.createWebhook(eventId, body);
            }}
            submitLabel={editing ? t('picture.form.save') : t('admin.feeds.addWebhook')}
            onSaved={(webhook) => {
              if (webhook.secret) {
                setSecret({ name: webhook.name, secret: webhook.secret });
                setTimeout(() => secretRef.current?.focus(), 0);
              } else {
                setMessage(t('admin.feeds.webhookSaved', { name: webhook.name }));
              }
              setEditing(null);
              void webhooks.reload();
            }}
            {...(editing && { onCancel: () => setEditing(null) })}
          />
        </div>
        <div className="picture-layout__list">
          {webhooks.error ? (
            <LoadError error={webhooks.error} retry={webhooks.reload} />
          ) : !webhooks.data ? (
            <Loading />
          ) : webhooks.data.items.length === 0 ? (
            <p>{t('admin.feeds.noWebhooks')}</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="webhooks-title">
              <table className="table table--dense">
                <caption className="visually-hidden">{t('admin.feeds.webhooksTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.feeds.name')}</th>
                    <th scope="col">{t('admin.feeds.eventTypes')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('picture.form.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {webhooks.data.items.map((webhook) => (
                    <tr key={webhook.id}>
                      <th scope="row">
                        {webhook.name}
                        <div className="small muted break">{webhook.url}</div>
                        {!webhook.active && <div className="small">{t('admin.feeds.off')}</div>}
                      </th>
                      <td>
                        {webhook.eventTypes
                          .map((type) => t(`admin.feeds.types.${type}`))
                          .join(', ')}
                      </td>
                      <td>
                        <RowActions
                          name={webhook.name}
                          showLabel={t('admin.feeds.showDeliveries')}
                          shown={shown?.id === webhook.id}
                          onChange={() => setEditing(webhook)}
                          onToggle={() => setShown(shown?.id === webhook.id ? null : webhook)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {shown && <DeliveryLog key={shown.id} eventId={eventId} webhook={shown} />}
        </div>
      </div>
    </section>
  );
}

function DeliveryLog({ eventId, webhook }: { eventId: number; webhook: ShownWebhook }) {
  const { t } = useTranslation();
  const deliveries = useLoad(() => feedsApi.deliveries(eventId, webhook.id), [eventId, webhook.id]);
  const [error, setError] = useState('');
  const title = t('admin.feeds.deliveriesTitle', { name: webhook.name });

  async function retry(deliveryId: number) {
    setError('');
    try {
      await feedsApi.retry(eventId, webhook.id, deliveryId);
      await deliveries.reload();
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  if (deliveries.error) return <LoadError error={deliveries.error} retry={deliveries.reload} />;
  if (!deliveries.data) return <Loading />;
  return (
    <section aria-labelledby="deliveries-title">
      <h3 id="deliveries-title">{title}</h3>
      {error && (
        <Notice kind="warning" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      {deliveries.data.items.length === 0 ? (
        <p>{t('admin.feeds.noDeliveries')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="deliveries-title">
          <table className="table table--dense">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.feeds.created')}</th>
                <th scope="col">{t('admin.feeds.eventType')}</th>
                <th scope="col">{t('admin.feeds.state')}</th>
                <th scope="col" className="numeric">
                  {t('admin.feeds.attempts')}
                </th>
                <th scope="col">{t('admin.feeds.lastError')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('picture.form.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{formatDateTime(delivery.createdAt)}</td>
                  <td>{t(`admin.feeds.types.${delivery.eventType}`)}</td>
                  <td>
                    {t(`admin.feeds.states.${delivery.state}`)}
                    {delivery.nextAttemptAt && (
                      <div className="small">
                        {t('admin.feeds.nextAttempt', {
                          at: formatDateTime(delivery.nextAttemptAt),
                        })}
                      </div>
                    )}
                  </td>
                  <td className="numeric">
                    {delivery.attempts} / {delivery.maxAttempts}
                  </td>
                  <td className="small break">{delivery.lastError ?? ''}</td>
                  <td>
                    {(delivery.state === 'pending' || delivery.state === 'failed') && (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void retry(delivery.id)}
                      >
                        {t('admin.feeds.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "Change" and a toggle that shows the row's log, each naming the row for screen readers. */
function RowActions(props: {
  name: string;
  showLabel: string;
  shown: boolean;
  onChange: () => void;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button button--secondary" onClick={props.onChange}>
        {t('admin.feeds.change')}
        <span className="visually-hidden"> {props.name}</span>
      </button>{' '}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={props.shown}
        onClick={props.onToggle}
      >
        {props.showLabel}
        <span className="visually-hidden"> {props.name}</span>
      </button>
    </>
  );
}
