// Omstyrning: the board of emergency departments, the list of diversions, start/end/edit forms.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { SelectField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { CsvLink, Filters, PeriodFilter, useEventList, hintShownOf } from '../../kit/lists.tsx';
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
import { DiversionTag, InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { formatDateTime, stockholmLocalNow } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Diversion } from '../../../contract/diversions.ts';
import { csvUrl } from '../../api.ts';
import { decisionsApi } from '../../clients/decisions.ts';
import { diversionCategories, diversionsApi } from '../../clients/diversions.ts';
import { eventUnitsApi } from '../../clients/event-units.ts';
import { unitsApi } from '../../clients/units.ts';

const limit = 50;
type Mode =
  { kind: 'create' } | { kind: 'edit'; item: Diversion } | { kind: 'end'; item: Diversion };

export function DiversionsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [state, setState] = useState('all');
  const [period, setPeriod] = useState('');
  const [unitId, setUnitId] = useState('');
  const { offset, setOffset, filter } = usePaging();
  const board = useEventList(eventId, () => diversionsApi.board(eventId), []);
  const list = useEventList(
    eventId,
    () =>
      diversionsApi.list(eventId, {
        limit,
        offset,
        state,
        period: period || undefined,
        unitId: unitId || undefined,
      }),
    [state, period, unitId, offset],
  );
  const editor = useEditor<Mode>({ kind: 'create' }, async () => {
    await Promise.all([list.reload(), board.reload()]);
  });
  const { mode, setMode, done } = editor;
  const places = useLoad(
    () =>
      Promise.all([
        eventUnitsApi.list(eventId),
        unitsApi.facilities(),
        decisionsApi.list(eventId, { limit: 200 }),
      ]),
    [eventId],
  );
  const [units, facilities, decisions] = places.data ?? [null, null, null];
  const departments = (facilities?.items ?? []).filter(
    (facility) =>
      facility.kind === 'emergency_department' &&
      units?.items.some((unit) => unit.unitId === facility.unitId),
  );
  const facilityName = (id: number) => {
    const facility = facilities?.items.find((item) => item.id === id);
    return facility ? `${facility.name} (${facility.code})` : String(id);
  };
  const category = (value: string) => t(`categories.${value}`, { defaultValue: value });

  const detailFields: FieldSpec[] = [
    {
      name: 'categories',
      label: t('picture.diversions.categories'),
      kind: 'checkboxes',
      required: true,
      options: diversionCategories.map((value) => ({ value, label: category(value) })),
    },
    {
      name: 'redirectedTo',
      label: t('picture.diversions.redirectedTo'),
      hint: t('picture.diversions.redirectedToHint'),
      kind: 'text',
      required: true,
    },
    { name: 'startsAt', label: t('picture.diversions.startsAt'), kind: 'datetime', required: true },
    {
      name: 'endsAt',
      label: t('picture.diversions.endsAt'),
      hint: t('picture.diversions.endsAtHint'),
      kind: 'datetime',
      required: false,
    },
    {
      name: 'decisionId',
      label: t('picture.diversions.decision'),
      hint: hintShownOf(undefined, t, decisions ?? undefined),
      kind: 'select',
      options: [
        { value: '', label: t('picture.actions.noDecision') },
        ...(decisions?.items ?? []).map((decision) => ({
          value: String(decision.id),
          label: `${formatDateTime(decision.decidedAt)} – ${decision.text.slice(0, 70)}`,
        })),
      ],
    },
    { name: 'note', label: t('picture.diversions.note'), kind: 'textarea', required: false },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const facilityField: FieldSpec = {
    name: 'facilityId',
    label: t('picture.diversions.facility'),
    kind: 'select',
    required: true,
    options: [
      { value: '', label: t('picture.diversions.chooseFacility') },
      ...departments.map((facility) => ({
        value: String(facility.id),
        label: `${facility.name} (${facility.code})`,
      })),
    ],
  };
  const toValues = (item: Diversion): Values => ({
    facilityId: String(item.facilityId),
    categories: item.categories,
    redirectedTo: item.redirectedTo,
    startsAt: localOf(item.startsAt),
    endsAt: localOf(item.endsAt),
    decisionId: item.decisionId ? String(item.decisionId) : '',
    note: item.note,
    internal: item.internal,
  });
  const body = (values: Values) => ({
    categories: values.categories,
    redirectedTo: str(values.redirectedTo),
    startsAt: isoOf(values.startsAt),
    endsAt: isoOf(values.endsAt),
    decisionId: str(values.decisionId) ? Number(values.decisionId) : null,
    note: str(values.note),
    internal: values.internal === true,
  });

  return (
    <EventPage
      eventId={eventId}
      title={t('picture.diversions.title')}
      intro={t('picture.diversions.intro')}
    >
      {(_event, can) => (
        <>
          <section className="panel" aria-labelledby="board-title">
            <h2 id="board-title" className="panel__title">
              {t('picture.diversions.board')}
            </h2>
            {board.error ? (
              <LoadError error={board.error} retry={board.reload} />
            ) : !board.data ? (
              <Loading />
            ) : (
              <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="board-title">
                <table className="table table--dense">
                  <caption className="visually-hidden">{t('picture.diversions.board')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.facility')}</th>
                      <th scope="col">{t('dashboard.status')}</th>
                      <th scope="col">{t('dashboard.flows')}</th>
                      <th scope="col">{t('dashboard.redirectedTo')}</th>
                      <th scope="col">{t('dashboard.sinceCol')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {board.data.items.map((item) => (
                      <tr key={item.facilityId}>
                        <th scope="row">
                          {item.facilityName} <span className="muted">({item.facilityCode})</span>
                        </th>
                        <td>
                          <DiversionTag diverting={item.diverting} compact />
                        </td>
                        <td>{item.categories.map(category).join(', ') || '–'}</td>
                        <td>{item.redirectedTo.join(', ') || '–'}</td>
                        <td className="nowrap">{formatDateTime(item.since)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p className="small">
              {t('picture.diversions.exchange')}{' '}
              <a href={`/api/events/${eventId}/exchange/have.xml`} download>
                EDXL-HAVE (XML)
              </a>
              {' · '}
              <a href={`/api/events/${eventId}/exchange/fhir/MeasureReport`} download>
                FHIR MeasureReport (JSON)
              </a>
            </p>
          </section>
          <ListBesideForm
            headingId="diversions-list-title"
            heading={t('picture.diversions.listTitle')}
            showForm={can('diversion.write')}
            saved={editor.saved}
            form={
              !places.data ? (
                places.error ? (
                  <LoadError error={places.error} retry={places.reload} />
                ) : (
                  <Loading />
                )
              ) : mode.kind === 'end' ? (
                <RecordForm<Diversion>
                  key={`end-${mode.item.id}`}
                  id="end-form"
                  title={t('picture.diversions.endTitle', {
                    facility: facilityName(mode.item.facilityId),
                  })}
                  fields={[
                    {
                      name: 'endsAt',
                      label: t('picture.diversions.endsAt'),
                      kind: 'datetime',
                      required: true,
                    },
                  ]}
                  initial={{}}
                  editing={mode.item}
                  toValues={(item) => ({
                    endsAt: item.endsAt ? localOf(item.endsAt) : stockholmLocalNow(),
                  })}
                  save={(values, version) =>
                    diversionsApi.end(eventId, mode.item.id, {
                      version,
                      endsAt: isoOf(values.endsAt),
                    })
                  }
                  submitLabel={t('picture.diversions.end')}
                  onSaved={() => done(t('picture.diversions.ended'))}
                  onCancel={editor.cancel}
                />
              ) : (
                <EditForm<Diversion>
                  id="diversion-form"
                  newTitle={t('picture.diversions.newTitle')}
                  editTitle={
                    mode.kind === 'edit'
                      ? t('picture.diversions.editTitle', {
                          facility: facilityName(mode.item.facilityId),
                        })
                      : ''
                  }
                  addLabel={t('picture.diversions.start')}
                  fields={mode.kind === 'edit' ? detailFields : [facilityField, ...detailFields]}
                  initial={{
                    facilityId: '',
                    categories: [],
                    redirectedTo: '',
                    startsAt: stockholmLocalNow(),
                    endsAt: '',
                    decisionId: '',
                    note: '',
                    internal: false,
                  }}
                  editing={mode.kind === 'edit' ? mode.item : null}
                  toValues={toValues}
                  create={(values) =>
                    diversionsApi.create(eventId, {
                      facilityId: Number(values.facilityId),
                      ...body(values),
                    })
                  }
                  update={(item, values, version) =>
                    diversionsApi.update(eventId, item.id, { version, ...body(values) })
                  }
                  onSaved={() => done(t('picture.diversions.saved'))}
                  onCancel={editor.cancel}
                />
              )
            }
          >
            <Filters label={t('picture.filter.label')}>
              <SelectField
                id="diversions-state"
                label={t('picture.diversions.stateFilter')}
                value={state}
                options={['all', 'current', 'ended'].map((value) => ({
                  value,
                  label: t(`picture.diversions.state.${value}`),
                }))}
                onChange={filter(setState)}
              />
              <SelectField
                id="diversions-unit"
                label={t('picture.filter.unit')}
                value={unitId}
                options={[
                  { value: '', label: t('picture.filter.allUnits') },
                  ...(units?.items ?? []).map((unit) => ({
                    value: String(unit.unitId),
                    label: `${'– '.repeat(unit.depth)}${unit.name}`,
                  })),
                ]}
                onChange={filter(setUnitId)}
              />
              <PeriodFilter id="diversions-period" value={period} onChange={filter(setPeriod)} />
            </Filters>
            <CsvLink
              href={csvUrl(eventId, 'diversions', {
                state,
                period: period || undefined,
                unitId: unitId || undefined,
              })}
            />
            <ListBody
              list={list}
              empty={t('picture.diversions.none')}
              paging={{ limit, offset, onChange: setOffset }}
            >
              {(data) => (
                <DataTable
                  labelledBy="diversions-list-title"
                  caption={t('picture.diversions.listTitle')}
                  columns={[
                    t('picture.diversions.facility'),
                    t('picture.diversions.categories'),
                    t('picture.diversions.redirectedTo'),
                    t('picture.diversions.period'),
                  ]}
                  actions
                >
                  {data.items.map((item) => {
                    const ongoing = !item.endsAt || new Date(item.endsAt) > new Date();
                    return (
                      <tr key={item.id}>
                        <th scope="row">
                          {facilityName(item.facilityId)} {item.internal && <InternalTag />}
                          {item.note && <p className="small pre-line">{item.note}</p>}
                          <p className="small muted">
                            <ProvenanceNote provenance={item.provenance} />
                          </p>
                        </th>
                        <td>{item.categories.map(category).join(', ')}</td>
                        <td>{item.redirectedTo}</td>
                        <td>
                          <span className="nowrap">{formatDateTime(item.startsAt)} –</span>{' '}
                          <span className="nowrap">
                            {item.endsAt
                              ? formatDateTime(item.endsAt)
                              : t('picture.diversions.open')}
                          </span>
                        </td>
                        <td className="actions-cell">
                          {ongoing && can('diversion.write') && (
                            <RowButton
                              onClick={() => setMode({ kind: 'end', item })}
                              what={facilityName(item.facilityId)}
                            >
                              {t('picture.diversions.end')}
                            </RowButton>
                          )}{' '}
                          {can('diversion.write') && (
                            <RowButton
                              onClick={() => setMode({ kind: 'edit', item })}
                              what={facilityName(item.facilityId)}
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
        </>
      )}
    </EventPage>
  );
}
