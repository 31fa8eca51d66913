// Beslut: decisions with their forum and mandate, and the actions that follow from them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Attachments } from '../../kit/attachments.tsx';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { CsvLink, Filters, PeriodFilter, useEventList } from '../../kit/lists.tsx';
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
import { formatDateTime, stockholmLocalNow } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { useMeetingField } from '../meetings/meetingField.ts';
import { ActionStateTag } from './Actions.tsx';
import type { Action } from '../../../contract/actions.ts';
import type { Decision } from '../../../contract/decisions.ts';
import { allPages, csvUrl } from '../../api.ts';
import { actionsApi } from '../../clients/actions.ts';
import { decisionsApi } from '../../clients/decisions.ts';

const limit = 50;

export function DecisionsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [period, setPeriod] = useState('');
  const [q, setQ] = useState('');
  const { offset, setOffset, filter } = usePaging();
  const list = useEventList(
    eventId,
    () =>
      decisionsApi.list(eventId, {
        limit,
        offset,
        period: period || undefined,
        q: q.trim() || undefined,
      }),
    [period, q, offset],
  );
  const editor = useEditor<Decision | null>(null, list.reload);
  const editing = editor.mode;
  const actions = useLoad(
    () => allPages((page) => actionsApi.list(eventId, page)),
    [eventId, list.data],
  );
  const byDecision = new Map<number, Action[]>();
  for (const action of actions.data ?? []) {
    if (action.decisionId === null) continue;
    byDecision.set(action.decisionId, [...(byDecision.get(action.decisionId) ?? []), action]);
  }

  const meeting = useMeetingField(eventId);
  const fields: FieldSpec[] = [
    {
      name: 'decidedAt',
      label: t('picture.decisions.decidedAt'),
      kind: 'datetime',
      required: true,
    },
    {
      name: 'forum',
      label: t('picture.decisions.forum'),
      hint: t('picture.decisions.forumHint'),
      kind: 'text',
      required: true,
    },
    {
      name: 'mandate',
      label: t('picture.decisions.mandate'),
      hint: t('picture.decisions.mandateHint'),
      kind: 'text',
      required: false,
    },
    { name: 'text', label: t('picture.decisions.text'), kind: 'textarea', required: true },
    {
      name: 'rationale',
      label: t('picture.decisions.rationale'),
      kind: 'textarea',
      required: false,
    },
    {
      name: 'effectiveFrom',
      label: t('picture.decisions.effectiveFrom'),
      kind: 'datetime',
      required: false,
    },
    {
      name: 'effectiveTo',
      label: t('picture.decisions.effectiveTo'),
      kind: 'datetime',
      required: false,
    },
    meeting.spec,
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: Decision): Values => ({
    decidedAt: localOf(item.decidedAt),
    forum: item.forum,
    mandate: item.mandate,
    text: item.text,
    rationale: item.rationale,
    effectiveFrom: localOf(item.effectiveFrom),
    effectiveTo: localOf(item.effectiveTo),
    meetingId: meeting.valueOf(item.meetingId),
    internal: item.internal,
  });
  const body = (values: Values) => {
    const from = isoOf(values.effectiveFrom);
    return {
      decidedAt: isoOf(values.decidedAt),
      forum: str(values.forum),
      mandate: str(values.mandate),
      text: str(values.text),
      rationale: str(values.rationale),
      ...(from && { effectiveFrom: from }),
      effectiveTo: isoOf(values.effectiveTo),
      meetingId: meeting.bodyOf(values),
      internal: values.internal === true,
    };
  };

  return (
    <EventPage
      eventId={eventId}
      title={t('picture.decisions.title')}
      intro={t('picture.decisions.intro')}
    >
      {(_event, can) => (
        <ListBesideForm
          headingId="decisions-list-title"
          heading={t('picture.decisions.listTitle')}
          showForm={can('decision.write')}
          saved={editor.saved}
          form={
            <EditForm<Decision>
              formKey={`-${meeting.loaded}`}
              id="decision-form"
              newTitle={t('picture.decisions.newTitle')}
              editTitle={t('picture.decisions.editTitle')}
              addLabel={t('picture.decisions.add')}
              fields={fields}
              initial={{
                decidedAt: stockholmLocalNow(),
                forum: '',
                mandate: '',
                text: '',
                rationale: '',
                effectiveFrom: '',
                effectiveTo: '',
                meetingId: '',
                internal: false,
              }}
              editing={editing}
              toValues={toValues}
              create={(values) => decisionsApi.create(eventId, body(values))}
              update={(item, values, version) =>
                decisionsApi.update(eventId, item.id, { version, ...body(values) })
              }
              onSaved={() => editor.done(t('picture.decisions.saved'))}
              onCancel={editor.cancel}
            />
          }
        >
          <Filters label={t('picture.filter.label')}>
            <PeriodFilter id="decisions-period" value={period} onChange={filter(setPeriod)} />
            <div className="field field--inline">
              <label className="label" htmlFor="decisions-q">
                {t('picture.filter.search')}
              </label>
              <input
                id="decisions-q"
                type="search"
                className="input"
                value={q}
                onChange={(event) => filter(setQ)(event.target.value)}
              />
            </div>
          </Filters>
          <CsvLink
            href={csvUrl(eventId, 'decisions', {
              period: period || undefined,
              q: q.trim() || undefined,
            })}
          />
          <ListBody
            list={list}
            empty={t('picture.decisions.none')}
            paging={{ limit, offset, onChange: setOffset }}
          >
            {(data) => (
              <DataTable
                labelledBy="decisions-list-title"
                caption={t('picture.decisions.listTitle')}
                columns={[
                  t('picture.decisions.decidedAt'),
                  t('picture.decisions.forumMandate'),
                  t('picture.decisions.text'),
                  t('picture.decisions.linkedActions'),
                ]}
                actions
              >
                {data.items.map((item) => {
                  const linked = byDecision.get(item.id) ?? [];
                  return (
                    <tr key={item.id}>
                      <td className="nowrap">{formatDateTime(item.decidedAt)}</td>
                      <td>
                        <strong>{item.forum}</strong>
                        {item.mandate && <p className="small">{item.mandate}</p>}
                      </td>
                      <td>
                        {item.internal && (
                          <p className="tags">
                            <InternalTag />
                          </p>
                        )}
                        <p className="pre-line">{item.text}</p>
                        {(item.effectiveFrom || item.effectiveTo) && (
                          <p className="small">
                            {t('picture.decisions.effective', {
                              from: formatDateTime(item.effectiveFrom),
                              to: item.effectiveTo
                                ? formatDateTime(item.effectiveTo)
                                : t('picture.decisions.untilFurther'),
                            })}
                          </p>
                        )}
                        <p className="small muted">
                          <ProvenanceNote provenance={item.provenance} />
                        </p>
                        <Attachments
                          eventId={eventId}
                          owner={{ kind: 'decision', id: item.id }}
                          canWrite={can('decision.write')}
                        />
                      </td>
                      <td>
                        {linked.length === 0 ? (
                          <span className="muted">–</span>
                        ) : (
                          <ul className="plain-list linked-actions">
                            {linked.map((action) => (
                              <li key={action.id}>
                                <ActionStateTag action={action} /> {action.text}
                              </li>
                            ))}
                          </ul>
                        )}
                        {can('action.write') && (
                          <Link
                            className="small"
                            to={`/events/${eventId}/actions?decision=${item.id}`}
                          >
                            {t('picture.decisions.addAction')}
                          </Link>
                        )}
                      </td>
                      <td className="actions-cell">
                        {can('decision.write') && (
                          <RowButton
                            onClick={() => editor.setMode(item)}
                            what={formatDateTime(item.decidedAt)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
          </ListBody>
        </ListBesideForm>
      )}
    </EventPage>
  );
}
