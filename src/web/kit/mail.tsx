// E-mail, said as it is: whether a mail server is configured (without one nothing is sent), and
// the table of e-mails of published reports with their state, error and a resend button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, OutboxItem } from '../../contract/distribution.ts';
import { distributionApi } from '../clients/distribution.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { Notice, errorText } from './messages.tsx';
import { DataTable, RowButton } from './recordList.tsx';

/** Whether e-mail will really be sent; undefined while unknown. */
export function useMailConfigured(): boolean | undefined {
  const status = useLoad(() => distributionApi.mailStatus(), []);
  return status.data?.configured;
}

/** Said wherever a send is promised while no mail server is configured: nothing will be sent. */
export function MailNotConfigured() {
  const { t } = useTranslation();
  return (
    <Notice kind="warning">
      <p>
        <strong>{t('mail.notConfiguredTitle')}</strong>
      </p>
      <p>{t('mail.notConfigured')}</p>
    </Notice>
  );
}

const stateTags: Record<Delivery['state'], string> = {
  pending: 'tag--submitted',
  sending: 'tag--submitted',
  sent: 'tag--accepted',
  failed: 'tag--returned',
};

export function DeliveryStateTag({ state }: { state: Delivery['state'] }) {
  const { t } = useTranslation();
  return <span className={`tag tag--state ${stateTags[state]}`}>{t(`mail.states.${state}`)}</span>;
}

/**
 * E-mails with when each was queued and sent, its state, tries and last error; the report's
 * title when `showReport`. Those who may (`onResend`) send a failed or sent one again.
 */
export function DeliveryTable({
  labelledBy,
  caption,
  items,
  showReport = false,
  eventId,
  onResent,
}: {
  labelledBy: string;
  caption: string;
  items: (Delivery | OutboxItem)[];
  showReport?: boolean;
  eventId: number;
  /** Given to those who may resend: called after a resend with the message to show. */
  onResent?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState('');

  async function resend(delivery: Delivery) {
    setError('');
    try {
      await distributionApi.resend(eventId, delivery.id);
      onResent?.(t('mail.resent', { email: delivery.email }));
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  return (
    <>
      {error && (
        <Notice kind="warning" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      <DataTable
        labelledBy={labelledBy}
        caption={caption}
        actions={Boolean(onResent)}
        columns={[
          t('mail.recipient'),
          ...(showReport ? [t('mail.report')] : []),
          t('mail.state'),
          t('mail.queued'),
          t('mail.sentAt'),
          { label: t('mail.attempts'), className: 'numeric' },
          t('mail.lastError'),
        ]}
      >
        {items.map((delivery) => (
          <tr key={delivery.id}>
            <th scope="row">{delivery.email}</th>
            {showReport && <td>{'reportTitle' in delivery ? delivery.reportTitle : ''}</td>}
            <td>
              <DeliveryStateTag state={delivery.state} />
              {delivery.state === 'pending' && delivery.attempts > 0 && (
                <div className="small">
                  {t('mail.nextAttempt', { at: formatDateTime(delivery.nextAttemptAt) })}
                </div>
              )}
            </td>
            <td>{formatDateTime(delivery.createdAt)}</td>
            <td>{delivery.sentAt ? formatDateTime(delivery.sentAt) : '–'}</td>
            <td className="numeric">{delivery.attempts}</td>
            <td className="small break">{delivery.lastError ?? ''}</td>
            {onResent && (
              <td>
                {(delivery.state === 'failed' || delivery.state === 'sent') && (
                  <RowButton what={delivery.email} onClick={() => void resend(delivery)}>
                    {t('mail.resend')}
                  </RowButton>
                )}
              </td>
            )}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
