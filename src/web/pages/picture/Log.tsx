// Loggbok: the staff's time-ordered journal. Entries are never deleted: a struck entry stays,
// marked "Struken" with its reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { Checkbox } from '../../kit/forms.tsx';
import { CsvLink, Filters, PeriodFilter, useEventList } from '../../kit/lists.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import {
  DataTable,
  EditForm,
  ListBesideForm,
  ListBody,
  RowButton,
  useEditor,
  usePaging,
} from '../../kit/recordList.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { Attachments } from '../../kit/attachments.tsx';
import { formatDateTime, stockholmLocalNow } from '../../format.ts';
import type { LogEntry } from '../../../contract/log.ts';
import { csvUrl } from '../../api.ts';
import { logApi } from '../../clients/log.ts';

const limit = 50;

type Mode =
  { kind: 'create' } | { kind: 'edit'; item: LogEntry } | { kind: 'strike'; item: LogEntry };

export function LogPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [period, setPeriod] = useState('');
  const [significant, setSignificant] = useState(false);
  const { offset, setOffset, filter } = usePaging();
  const list = useEventList(
    eventId,
    () =>
      logApi.list(eventId, {
        limit,
        offset,
        period: period || undefined,
        significant: significant ? 'true' : undefined,
      }),
    [period, significant, offset],
  );
  const editor = useEditor<Mode>({ kind: 'create' }, list.reload);
  const { mode, setMode, done } = editor;

  const fields: FieldSpec[] = [
    { name: 'occurredAt', label: t('picture.log.occurredAt'), kind: 'datetime', required: true },
    { name: 'text', label: t('picture.log.text'), kind: 'textarea', required: true },
    {
      name: 'source',
      label: t('picture.log.source'),
      hint: t('picture.log.sourceHint'),
      kind: 'text',
      required: false,
    },
    { name: 'significant', label: t('picture.log.significant'), kind: 'checkbox' },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: LogEntry): Values => ({
    occurredAt: localOf(item.occurredAt),
    text: item.text,
    source: item.source,
    significant: item.significant,
    internal: item.internal,
  });
  const body = (values: Values) => ({
    occurredAt: isoOf(values.occurredAt),
    text: str(values.text),
    source: str(values.source),
    significant: values.significant === true,
    internal: values.internal === true,
  });

  return (
    <EventPage eventId={eventId} title={t('picture.log.title')} intro={t('picture.log.intro')}>
      {(_event, can) => (
        <ListBesideForm
          headingId="log-list-title"
          heading={t('picture.log.listTitle')}
          showForm={can('log.write')}
          saved={editor.saved}
          form={
            mode.kind === 'strike' ? (
              <RecordForm<LogEntry>
                key={`strike-${mode.item.id}`}
                id="strike-form"
                title={t('picture.log.strikeTitle')}
                describe={<blockquote className="quote pre-line">{mode.item.text}</blockquote>}
                fields={[
                  {
                    name: 'reason',
                    label: t('picture.log.reason'),
                    hint: t('picture.log.reasonHint'),
                    kind: 'textarea',
                    required: true,
                  },
                ]}
                initial={{ reason: '' }}
                editing={mode.item}
                toValues={() => ({ reason: '' })}
                save={(values, version) =>
                  logApi.strike(eventId, mode.item.id, version!, str(values.reason))
                }
                submitLabel={t('picture.log.strike')}
                onSaved={() => done(t('picture.log.struckDone'))}
                onCancel={editor.cancel}
              />
            ) : (
              <EditForm<LogEntry>
                id="log-form"
                newTitle={t('picture.log.newTitle')}
                editTitle={t('picture.log.editTitle')}
                addLabel={t('picture.log.add')}
                fields={fields}
                initial={{
                  occurredAt: stockholmLocalNow(),
                  text: '',
                  source: '',
                  significant: false,
                  internal: false,
                }}
                editing={mode.kind === 'edit' ? mode.item : null}
                toValues={toValues}
                create={(values) => logApi.create(eventId, body(values))}
                update={(item, values, version) =>
                  logApi.update(eventId, item.id, { version, ...body(values) })
                }
                onSaved={() => done(t('picture.log.saved'))}
                onCancel={editor.cancel}
              />
            )
          }
        >
          <Filters label={t('picture.filter.label')}>
            <PeriodFilter id="log-period" value={period} onChange={filter(setPeriod)} />
            <Checkbox
              id="log-significant"
              label={t('picture.log.onlySignificant')}
              checked={significant}
              onChange={filter(setSignificant)}
            />
          </Filters>
          <CsvLink
            href={csvUrl(eventId, 'log', {
              period: period || undefined,
              significant: significant ? 'true' : undefined,
            })}
          />
          <ListBody
            list={list}
            empty={t('picture.log.none')}
            paging={{ limit, offset, onChange: setOffset }}
          >
            {(data) => (
              <DataTable
                labelledBy="log-list-title"
                caption={t('picture.log.listTitle')}
                columns={[t('picture.log.occurredAt'), t('picture.log.text')]}
                actions
              >
                {data.items.map((item) => (
                  <LogRow
                    key={item.id}
                    item={item}
                    onEdit={() => setMode({ kind: 'edit', item })}
                    onStrike={() => setMode({ kind: 'strike', item })}
                    canWrite={can('log.write')}
                  />
                ))}
              </DataTable>
            )}
          </ListBody>
        </ListBesideForm>
      )}
    </EventPage>
  );
}

function LogRow({
  item,
  onEdit,
  onStrike,
  canWrite,
}: {
  item: LogEntry;
  canWrite: boolean;
  onEdit: () => void;
  onStrike: () => void;
}) {
  const { t } = useTranslation();
  const classes = [item.struck ? 'is-struck' : '', item.significant ? 'is-significant' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes || undefined}>
      <td className="nowrap">{formatDateTime(item.occurredAt)}</td>
      <td>
        <p className="tags">
          {item.significant && (
            <span className="tag tag--compact tag--significant">
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path
                  d="M8 1l2.2 4.6 5 .7-3.6 3.5.9 5L8 12.4 3.5 14.8l.9-5L.8 6.3l5-.7z"
                  fill="currentColor"
                />
              </svg>
              {t('picture.log.significantTag')}
            </span>
          )}
          {item.internal && <InternalTag />}
          {item.struck && (
            <span className="tag tag--compact tag--struck">{t('picture.log.struckTag')}</span>
          )}
        </p>
        {item.struck ? (
          <s className="pre-line log-text">{item.text}</s>
        ) : (
          <p className="pre-line log-text">{item.text}</p>
        )}
        {item.struck && (
          <p className="struck-reason">
            {t('picture.log.struckReason', {
              when: formatDateTime(item.struck.at),
              reason: item.struck.reason,
            })}
          </p>
        )}
        <p className="small muted">
          {item.source && <>{t('picture.log.sourceShown', { source: item.source })} · </>}
          <ProvenanceNote provenance={item.provenance} />
        </p>
        <Attachments
          eventId={item.eventId}
          owner={{ kind: 'log_entry', id: item.id }}
          canWrite={canWrite}
        />
      </td>
      <td className="actions-cell">
        {!item.struck && canWrite && (
          <>
            <RowButton onClick={onEdit} what={formatDateTime(item.occurredAt)} />{' '}
            <RowButton onClick={onStrike} what={formatDateTime(item.occurredAt)}>
              {t('picture.log.strike')}
            </RowButton>
          </>
        )}
      </td>
    </tr>
  );
}
