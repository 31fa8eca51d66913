// Who received a published report by e-mail, when, and which sends failed, with a resend button
// for those who manage the distribution (/events/:eventId/reports/:reportId/deliveries).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { DeliveryTable, MailNotConfigured, useMailConfigured } from '../../kit/mail.tsx';
import { SavedNotice } from '../../kit/messages.tsx';
import { useLoad } from '../../useLoad.ts';
import { accessApi } from '../../clients/access.ts';
import { eventsApi } from '../../clients/events.ts';
import { reportsApi } from '../../clients/reports.ts';
import type { Delivery } from '../../../contract/distribution.ts';
import { Breadcrumb, useReportName } from './ReportParts.tsx';

function countOf(items: Delivery[], ...states: Delivery['state'][]): number {
  return items.filter((delivery) => states.includes(delivery.state)).length;
}

export function DeliveriesPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.eventId);
  const reportId = Number(params.reportId);
  const reportName = useReportName();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const report = useLoad(() => reportsApi.get(eventId, reportId), [eventId, reportId]);
  const deliveries = useLoad(() => reportsApi.deliveries(eventId, reportId), [eventId, reportId]);
  const mine = useLoad(() => accessApi.mine(eventId), [eventId]);
  const mailConfigured = useMailConfigured();
  const [message, setMessage] = useState('');
  usePageTitle(t('mail.deliveries.title'));

  const failedLoad = event.error ?? report.error ?? deliveries.error;
  if (failedLoad) return <LoadError error={failedLoad} retry={() => void deliveries.reload()} />;
  if (!event.data || !report.data || !deliveries.data || mine.loading) return <Loading />;
  const items = deliveries.data.items;
  const canResend =
    event.data.state === 'active' &&
    Boolean(mine.data?.permissions.includes('distribution.manage'));
  const base = `/events/${eventId}/reports/${reportId}`;

  return (
    <div className="reports">
      <Breadcrumb
        event={event.data}
        trail={[
          { to: `/events/${eventId}/reports`, label: t('reports.list.title') },
          { to: base, label: reportName(report.data) },
        ]}
      />
      <p className="caption">{reportName(report.data)}</p>
      <PageHeading>{t('mail.deliveries.title')}</PageHeading>
      <p className="lead">{t('mail.deliveries.intro')}</p>
      {mailConfigured === false && countOf(items, 'pending', 'sending') > 0 && (
        <MailNotConfigured />
      )}
      <SavedNotice message={message} />
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">{t('mail.deliveries.listTitle')}</h2>
        {items.length === 0 ? (
          <p>{t('mail.deliveries.none')}</p>
        ) : (
          <>
            <p>
              {t('mail.deliveries.summary', {
                sent: countOf(items, 'sent'),
                waiting: countOf(items, 'pending', 'sending'),
                failed: countOf(items, 'failed'),
              })}
            </p>
            <DeliveryTable
              labelledBy="deliveries-title"
              caption={t('mail.deliveries.listTitle')}
              items={items}
              eventId={eventId}
              {...(canResend && {
                onResent: (resent: string) => {
                  setMessage(resent);
                  void deliveries.reload();
                },
              })}
            />
          </>
        )}
      </section>
      {canResend && (
        <p>
          <Link to={`/events/${eventId}/admin/outbox`}>{t('mail.outbox.link')}</Link>
        </p>
      )}
    </div>
  );
}
