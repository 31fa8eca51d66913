// Åtgärder: actions with owner, due date and state; overdue ones say "Försenad" with an icon.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { Checkbox, SelectField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { CsvLink, Filters, PeriodFilter, useEventList, hintShownOf } from '../../kit/lists.tsx';
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
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { useMeetingField } from '../meetings/meetingField.ts';
import type { Action } from '../../../contract/actions.ts';
import { csvUrl } from '../../api.ts';
import { actionStates, actionsApi } from '../../clients/actions.ts';
import { decisionsApi } from '../../clients/decisions.ts';
import { unitsApi } from '../../clients/units.ts';

const limit = 100;

export function ActionStateTag({ action }: { action: Pick<Action, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`tag tag--compact tag--action-${action.state}`}>
        {t(`picture.actions.state.${action.state}`)}
      </span>
      {action.overdue && (
        <span className="tag tag--compact tag--overdue">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="M8 4v4.5l3 2" stroke="#fff" strokeWidth="1.8" fill="none" />
          </svg>
          {t('picture.actions.overdue')}
        </span>
      )}
    </>
  );
}

export function ActionsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [search] = useSearchParams();
  const fromDecision = search.get('decision') ?? '';
  const [state, setState] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [period, setPeriod] = useState('');
  const [unitId, setUnitId] = useState('');
  const { offset, setOffset, filter } = usePaging();
  const list = useEventList(
    eventId,
    () =>
      actionsApi.list(eventId, {
        limit,
        offset,
        state: state || undefined,
        overdue: overdue ? 'true' : undefined,
        period: period || undefined,
        unitId: unitId || undefined,
      }),
    [state, overdue, period, unitId, offset],
  );
  const editor = useEditor<Action | null>(null, list.reload);
  const editing = editor.mode;
  const units = useLoad(() => unitsApi.list(), []);
  const decisions = useLoad(() => decisionsApi.list(eventId, { limit: 200 }), [eventId]);
  const unitName = (id: number | null) =>
    units.data?.items.find((unit) => unit.id === id)?.name ?? '';

  const unitOptions = [
    { value: '', label: t('picture.actions.noUnit') },
    ...(units.data?.items ?? []).map((unit) => ({ value: String(unit.id), label: unit.name })),
  ];
  const meeting = useMeetingField(eventId);
  const fields: FieldSpec[] = [
    { name: 'text', label: t('picture.actions.text'), kind: 'textarea', required: true },
    {
      name: 'ownerName',
      label: t('picture.actions.ownerName'),
      hint: t('picture.actions.ownerHint'),
      kind: 'text',
    },
    {
      name: 'ownerUnitId',
      label: t('picture.actions.ownerUnit'),
      kind: 'select',
      options: unitOptions,
    },
    { name: 'dueAt', label: t('picture.actions.dueAt'), kind: 'datetime', required: false },
    {
      name: 'handoverTo',
      label: t('picture.actions.handoverTo'),
      hint: t('picture.actions.handoverHint'),
      kind: 'text',
      required: false,
    },
    {
      name: 'state',
      label: t('picture.actions.stateLabel'),
      kind: 'select',
      options: actionStates.map((value) => ({
        value,
        label: t(`picture.actions.state.${value}`),
      })),
    },
    {
      name: 'decisionId',
      label: t('picture.actions.decision'),
      hint: hintShownOf(undefined, t, decisions.data),
      kind: 'select',
      options: [
        { value: '', label: t('picture.actions.noDecision') },
        ...(decisions.data?.items ?? []).map((decision) => ({
          value: String(decision.id),
          label: `${formatDateTime(decision.decidedAt)} – ${decision.text.slice(0, 70)}`,
        })),
      ],
    },
    meeting.spec,
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: Action): Values => ({
    text: item.text,
    ownerName: item.owner.name ?? '',
    ownerUnitId: item.owner.unitId ? String(item.owner.unitId) : '',
    dueAt: localOf(item.dueAt),
    handoverTo: item.handoverTo ?? '',
    state: item.state,
    decisionId: item.decisionId ? String(item.decisionId) : '',
    meetingId: meeting.valueOf(item.meetingId),
    internal: item.internal,
  });
  const body = (values: Values) => ({
    text: str(values.text),
    ownerName: str(values.ownerName).trim() || null,
    ownerUnitId: str(values.ownerUnitId) ? Number(values.ownerUnitId) : null,
    dueAt: isoOf(values.dueAt),
    handoverTo: str(values.handoverTo).trim() || null,
    state: str(values.state),
    decisionId: str(values.decisionId) ? Number(values.decisionId) : null,
    meetingId: meeting.bodyOf(values),
    internal: values.internal === true,
  });

  return (
    <EventPage
      eventId={eventId}
      title={t('picture.actions.title')}
      intro={t('picture.actions.intro')}
    >
      {(_event, can) => (
        <ListBesideForm
          headingId="actions-list-title"
          heading={t('picture.actions.listTitle')}
          showForm={can('action.write')}
          saved={editor.saved}
          form={
            decisions.data && units.data && meeting.loaded ? (
              <EditForm<Action>
                id="action-form"
                newTitle={t('picture.actions.newTitle')}
                editTitle={t('picture.actions.editTitle')}
                addLabel={t('picture.actions.add')}
                fields={fields}
                initial={{
                  text: '',
                  ownerName: '',
                  ownerUnitId: '',
                  dueAt: '',
                  handoverTo: '',
                  state: 'open',
                  decisionId: fromDecision,
                  meetingId: '',
                  internal: false,
                }}
                editing={editing}
                toValues={toValues}
                create={(values) => actionsApi.create(eventId, body(values))}
                update={(item, values, version) =>
                  actionsApi.update(eventId, item.id, { version, ...body(values) })
                }
                onSaved={() => editor.done(t('picture.actions.saved'))}
                onCancel={editor.cancel}
              />
            ) : (
              <Loading />
            )
          }
        >
          <Filters label={t('picture.filter.label')}>
            <SelectField
              id="actions-state"
              label={t('picture.actions.stateLabel')}
              value={state}
              options={[
                { value: '', label: t('picture.filter.all') },
                ...actionStates.map((value) => ({
                  value,
                  label: t(`picture.actions.state.${value}`),
                })),
              ]}
              onChange={filter(setState)}
            />
            <SelectField
              id="actions-unit"
              label={t('picture.filter.unit')}
              value={unitId}
              options={[
                { value: '', label: t('picture.filter.allUnits') },
                ...unitOptions.slice(1),
              ]}
              onChange={filter(setUnitId)}
            />
            <PeriodFilter id="actions-period" value={period} onChange={filter(setPeriod)} />
            <Checkbox
              id="actions-overdue"
              label={t('picture.actions.onlyOverdue')}
              checked={overdue}
              onChange={filter(setOverdue)}
            />
          </Filters>
          <CsvLink
            href={csvUrl(eventId, 'actions', {
              state: state || undefined,
              overdue: overdue ? 'true' : undefined,
              period: period || undefined,
              unitId: unitId || undefined,
            })}
          />
          <ListBody
            list={list}
            empty={t('picture.actions.none')}
            paging={{ limit, offset, onChange: setOffset }}
          >
            {(data) => (
              <>
                <p className="small muted">
                  {t('picture.actions.count', {
                    total: data.total,
                    overdue: data.items.filter((item) => item.overdue).length,
                  })}
                </p>
                <DataTable
                  labelledBy="actions-list-title"
                  caption={t('picture.actions.listTitle')}
                  columns={[
                    t('picture.actions.text'),
                    t('picture.actions.owner'),
                    t('picture.actions.dueAt'),
                    t('picture.actions.stateLabel'),
                  ]}
                  actions
                >
                  {data.items.map((item) => (
                    <tr key={item.id} className={item.overdue ? 'is-overdue' : undefined}>
                      <td>
                        {item.internal && (
                          <p className="tags">
                            <InternalTag />
                          </p>
                        )}
                        <p className="pre-line">{item.text}</p>
                        <p className="small muted">
                          <ProvenanceNote provenance={item.provenance} />
                        </p>
                      </td>
                      <td>
                        {[item.owner.name, unitName(item.owner.unitId)]
                          .filter(Boolean)
                          .join(', ') || '–'}
                      </td>
                      <td className="nowrap">{formatDateTime(item.dueAt)}</td>
                      <td>
                        <ActionStateTag action={item} />
                      </td>
                      <td className="actions-cell">
                        {can('action.write') && (
                          <RowButton
                            onClick={() => editor.setMode(item)}
                            what={item.text.slice(0, 60)}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </>
            )}
          </ListBody>
        </ListBesideForm>
      )}
    </EventPage>
  );
}
