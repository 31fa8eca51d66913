// The event's e-mail outbox for its admins (/events/:eventId/admin/outbox): what waits, what was
// sent and what failed, with the error and a resend button; and whether anything is sent at all.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SelectField } from '../../kit/forms.tsx';
import { Filters } from '../../kit/lists.tsx';
import { DeliveryTable, MailNotConfigured, useMailConfigured } from '../../kit/mail.tsx';
import { SavedNotice } from '../../kit/messages.tsx';
import { ListBody, usePaging } from '../../kit/recordList.tsx';
import { useLoad } from '../../useLoad.ts';
import type { Delivery } from '../../../contract/distribution.ts';
import { deliveryStates, distributionApi } from '../../clients/distribution.ts';
import { EventAdminPage } from './AdminFrame.tsx';

const pageSize = 50;

export function OutboxPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const mailConfigured = useMailConfigured();
  const [state, setState] = useState<Delivery['state'] | ''>('');
  const { offset, setOffset, filter } = usePaging();
  const [message, setMessage] = useState('');
  const outbox = useLoad(
    () => distributionApi.outbox(eventId, { state: state || undefined, limit: pageSize, offset }),
    [eventId, state, offset],
  );

  return (
    <EventAdminPage eventId={eventId} title={t('mail.outbox.title')} intro={t('mail.outbox.intro')}>
      {(_event, can) => (
        <>
          {mailConfigured === false && <MailNotConfigured />}
          <SavedNotice message={message} />
          <section aria-labelledby="outbox-title">
            <h2 id="outbox-title">{t('mail.outbox.listTitle')}</h2>
            <Filters label={t('picture.filter.label')}>
              <SelectField
                id="outbox-state"
                label={t('mail.state')}
                value={state}
                options={[
                  { value: '', label: t('picture.filter.all') },
                  ...deliveryStates.map((value) => ({ value, label: t(`mail.states.${value}`) })),
                ]}
                onChange={filter((value) => setState(value as Delivery['state'] | ''))}
              />
            </Filters>
            <ListBody
              list={outbox}
              empty={t('mail.outbox.empty')}
              paging={{ limit: pageSize, offset, onChange: setOffset }}
            >
              {(page) => (
                <DeliveryTable
                  labelledBy="outbox-title"
                  caption={t('mail.outbox.listTitle')}
                  items={page.items}
                  showReport
                  eventId={eventId}
                  {...(can('distribution.manage') && {
                    onResent: (resent: string) => {
                      setMessage(resent);
                      void outbox.reload();
                    },
                  })}
                />
              )}
            </ListBody>
          </section>
        </>
      )}
    </EventAdminPage>
  );
}
