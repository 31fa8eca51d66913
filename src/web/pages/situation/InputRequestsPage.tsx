// Begäran om lägesbild: the staff ask units for a period's situation, follow who has answered,
// move a deadline and remind now, with an honest word on whether e-mail can be sent at all.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, localOf, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { useEventList } from '../../kit/lists.tsx';
import { Notice, errorText } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { DataTable, ListBesideForm, ListBody, RowButton } from '../../kit/recordList.tsx';
import { StateTag } from '../../kit/status.tsx';
import { formatShort, periodLabel } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import type { Event } from '../../../contract/events.ts';
import type { InputRequest, ReminderResult } from '../../../contract/situations.ts';
import { asUnitList, eventUnitsApi } from '../../clients/event-units.ts';
import { situationsApi } from '../../clients/situations.ts';

export function InputRequestsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [saved, setSaved] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const requests = useEventList(eventId, () => situationsApi.inputRequests(eventId), []);
  const units = useLoad(() => eventUnitsApi.list(eventId).then(asUnitList), [eventId]);
  const shown =
    requests.data?.items.find((request) => request.id === chosen) ?? requests.data?.items[0];

  return (
    <EventPage eventId={eventId} title={t('inputRequests.title')} intro={t('inputRequests.intro')}>
      {(event, can) => (
        <ListBesideForm
          headingId="input-requests-title"
          heading={t('inputRequests.listTitle')}
          showForm={can('input_request.manage') && !!units.data}
          saved={saved}
          form={
            <CreateRequestForm
              event={event}
              units={units.data?.items ?? []}
              onCreated={(request) => {
                setSaved(t('inputRequests.created', { period: periodLabel(request.period) }));
                setChosen(request.id);
                void requests.reload();
              }}
            />
          }
        >
          <ListBody list={requests} empty={t('inputRequests.none')}>
            {(page) => (
              <DataTable
                labelledBy="input-requests-title"
                caption={t('inputRequests.listTitle')}
                columns={[
                  t('inputRequests.period'),
                  t('inputRequests.deadline'),
                  t('inputRequests.units'),
                ]}
                actions
              >
                {page.items.map((request) => (
                  <tr key={request.id} aria-current={request.id === shown?.id ? 'true' : undefined}>
                    <th scope="row">{periodLabel(request.period)}</th>
                    <td>{formatShort(request.deadline)}</td>
                    <td>{request.units.map((unit) => unit.code).join(', ')}</td>
                    <td>
                      <RowButton
                        what={periodLabel(request.period)}
                        onClick={() => setChosen(request.id)}
                      >
                        {t('inputRequests.show')}
                      </RowButton>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </ListBody>
          {shown && (
            <RequestDetail
              key={shown.id}
              eventId={eventId}
              request={shown}
              canManage={can('input_request.manage')}
              canReview={can('situation.review')}
              onChanged={() => void requests.reload()}
            />
          )}
        </ListBesideForm>
      )}
    </EventPage>
  );
}

function CreateRequestForm({
  event,
  units,
  onCreated,
}: {
  event: Event;
  units: { id: number; code: string; name: string }[];
  onCreated: (request: InputRequest) => void;
}) {
  const { t } = useTranslation();
  const fields: FieldSpec[] = [
    {
      name: 'period',
      label: t('inputRequests.period'),
      hint: t('inputRequests.periodHint'),
      kind: event.periodGranularity === 'week' ? 'week' : 'date',
      required: true,
      width: 'half',
    },
    {
      name: 'deadline',
      label: t('inputRequests.deadline'),
      hint: t('inputRequests.deadlineHint'),
      kind: 'datetime',
      required: false,
    },
    {
      name: 'unitIds',
      label: t('inputRequests.unitsLabel'),
      kind: 'checkboxes',
      required: true,
      options: units.map((unit) => ({
        value: String(unit.id),
        label: `${unit.name} (${unit.code})`,
      })),
    },
  ];
  const initial: Values = {
    period: '',
    deadline: '',
    unitIds: units.map((unit) => String(unit.id)),
  };
  return (
    <RecordForm<InputRequest>
      id="input-request-form"
      title={t('inputRequests.formTitle')}
      fields={fields}
      initial={initial}
      toValues={() => initial}
      save={(values) => {
        const deadline = isoOf(values.deadline);
        return situationsApi.createRequest(event.id, {
          period: str(values.period),
          ...(deadline && { deadline }),
          unitIds: (values.unitIds as string[]).map(Number),
        });
      }}
      submitLabel={t('inputRequests.create')}
      onSaved={onCreated}
    />
  );
}

function RequestDetail({
  eventId,
  request,
  canManage,
  canReview,
  onChanged,
}: {
  eventId: number;
  request: InputRequest;
  canManage: boolean;
  canReview: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [changed, setChanged] = useState('');
  const answers = useEventList(
    eventId,
    () =>
      Promise.all([
        situationsApi.completeness(eventId, request.period),
        situationsApi.list(eventId, { period: request.period }),
      ]),
    [request.period, request.version],
  );
  const titleId = `request-${request.id}-title`;
  const period = periodLabel(request.period);
  return (
    <section aria-labelledby={titleId} className="section">
      <h2 id={titleId}>{t('inputRequests.detailTitle', { period })}</h2>
      <p>{t('inputRequests.deadlineLine', { when: formatShort(request.deadline) })}</p>
      {answers.error ? (
        <LoadError error={answers.error} retry={answers.reload} />
      ) : !answers.data ? (
        <Loading />
      ) : (
        <AnswerTable
          eventId={eventId}
          request={request}
          titleId={titleId}
          completeness={answers.data[0]}
          situations={answers.data[1].items}
          canReview={canReview}
        />
      )}
      {canManage && (
        <>
          <Reminders eventId={eventId} request={request} onSent={onChanged} />
          {changed && (
            <Notice kind="success" role="status">
              {changed}
            </Notice>
          )}
          <RecordForm<InputRequest>
            id={`deadline-form-${request.id}`}
            title={t('inputRequests.changeTitle')}
            fields={[
              {
                name: 'deadline',
                label: t('inputRequests.newDeadline'),
                hint: t('inputRequests.newDeadlineHint'),
                kind: 'datetime',
                required: true,
              },
            ]}
            initial={{ deadline: localOf(request.deadline) }}
            editing={request}
            toValues={(item) => ({ deadline: localOf(item.deadline) })}
            save={(values, version) =>
              situationsApi.changeDeadline(eventId, request.id, {
                version: version ?? request.version,
                deadline: isoOf(values.deadline) ?? '',
              })
            }
            submitLabel={t('inputRequests.changeSubmit')}
            onSaved={(item) => {
              setChanged(t('inputRequests.changed', { when: formatShort(item.deadline) }));
              onChanged();
            }}
          />
        </>
      )}
    </section>
  );
}

function AnswerTable({
  eventId,
  request,
  titleId,
  completeness,
  situations,
  canReview,
}: {
  eventId: number;
  request: InputRequest;
  titleId: string;
  completeness: Awaited<ReturnType<typeof situationsApi.completeness>>;
  situations: Awaited<ReturnType<typeof situationsApi.list>>['items'];
  canReview: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong>{t('inputRequests.answered')}:</strong>{' '}
        {t('inputRequests.answeredOf', {
          reported: completeness.reported,
          expected: completeness.expected,
        })}
      </p>
      <DataTable
        labelledBy={titleId}
        caption={t('inputRequests.detailTitle', { period: periodLabel(request.period) })}
        columns={[
          t('inputRequests.unit'),
          t('inputRequests.state'),
          t('inputRequests.submittedAt'),
          t('inputRequests.remindedAt'),
        ]}
        actions={canReview}
      >
        {completeness.units.map((unit) => {
          const situation = situations.find((item) => item.unit.id === unit.unitId);
          const reminded = request.units.find((item) => item.unitId === unit.unitId)?.remindedAt;
          return (
            <tr key={unit.unitId}>
              <th scope="row">
                {unit.name} ({unit.code})
              </th>
              <td>
                <StateTag state={unit.state} />{' '}
                {unit.late && (
                  <span className="tag tag--late tag--compact">{t('dashboard.late')}</span>
                )}
              </td>
              <td>{unit.submittedAt ? formatShort(unit.submittedAt) : '–'}</td>
              <td>{reminded ? formatShort(reminded) : t('inputRequests.notReminded')}</td>
              {canReview && (
                <td>
                  {situation && situation.state === 'submitted' && (
                    <Link to={`/events/${eventId}/situations/${situation.id}`}>
                      {t('inputRequests.review')}
                      <span className="visually-hidden">: {unit.name}</span>
                    </Link>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

function Reminders({
  eventId,
  request,
  onSent,
}: {
  eventId: number;
  request: InputRequest;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const status = useLoad(() => situationsApi.reminderStatus(eventId), [eventId]);
  const [result, setResult] = useState<ReminderResult | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  async function remind() {
    setBusy(true);
    try {
      setResult(await situationsApi.remind(eventId, request.id));
      setFailure('');
      onSent();
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const titleId = `reminders-${request.id}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('inputRequests.remindTitle')}</h3>
      {status.error ? (
        <LoadError error={status.error} retry={status.reload} />
      ) : !status.data ? (
        <Loading />
      ) : status.data.mailConfigured ? (
        <>
          <p>{t('inputRequests.mailOn', { hours: status.data.hoursBefore })}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void remind()}
          >
            {t('inputRequests.remind')}
          </button>
        </>
      ) : (
        <Notice kind="warning">
          <p>{t('inputRequests.mailOff')}</p>
        </Notice>
      )}
      <div role="status" aria-live="polite">
        {result && (
          <Notice kind="info">
            <p>{t('inputRequests.remindResult', { when: formatShort(result.sentAt) })}</p>
            <ul>
              {result.units.map((unit) => (
                <li key={unit.unitId}>
                  {t(`inputRequests.outcome.${unit.outcome}`, {
                    unit: unit.name,
                    count: unit.recipients,
                  })}
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
      <div role="alert">{failure && <Notice kind="warning">{failure}</Notice>}</div>
    </section>
  );
}
