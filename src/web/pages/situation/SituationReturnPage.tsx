// The unit reporter's page: pick the unit and period, then the situation return form.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading, PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { currentWeekKey, periodLabel } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { ScalesProvider } from '../../kit/status.tsx';
import { useEventSettings } from '../../kit/eventPage.tsx';
import { SituationForm } from './SituationForm.tsx';
import { safeGet, safeSet } from './values.ts';
import { accessApi } from '../../clients/access.ts';
import { eventsApi } from '../../clients/events.ts';
import { situationsApi } from '../../clients/situations.ts';
import { asUnitList, eventUnitsApi } from '../../clients/event-units.ts';

export function SituationReturnPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [params, setParams] = useSearchParams();
  const event = useLoad(() => eventsApi.get(eventId), [eventId]);
  const units = useLoad(() => eventUnitsApi.list(eventId).then(asUnitList), [eventId]);
  const mine = useLoad(() => accessApi.mine(eventId), [eventId]);
  useEventSettings(event.data);
  const requests = useLoad(() => situationsApi.inputRequests(eventId).catch(() => null), [eventId]);
  const unitKey = `lagesbild.reportUnit.${eventId}`;
  // A unit reporter sees only their own units; staff may report for any unit.
  const reportable = useMemo(() => {
    const all = units.data?.items ?? [];
    if (!mine.data || mine.data.permissions.includes('situation.write')) return all;
    return all.filter((candidate) => mine.data!.unitIds.includes(candidate.id));
  }, [units.data, mine.data]);
  const onlyUnit = reportable.length === 1 ? reportable[0]!.id : null;
  const unitId = Number(params.get('unit') ?? safeGet(unitKey) ?? 0) || onlyUnit;

  const latestRequest = useMemo(() => {
    const items = requests.data?.items ?? [];
    return [...items]
      .filter((request) => !unitId || request.units.some((unit) => unit.unitId === unitId))
      .sort((a, b) => b.period.localeCompare(a.period))[0];
  }, [requests.data, unitId]);
  const period = params.get('period') ?? latestRequest?.period ?? currentWeekKey();
  const deadline = latestRequest && latestRequest.period === period ? latestRequest.deadline : null;
  const unit = units.data?.items.find((candidate) => candidate.id === unitId);

  usePageTitle(
    unit
      ? t('report.title', { unit: unit.name, period: periodLabel(period) })
      : t('report.titleShort'),
  );

  if (event.error) return <LoadError error={event.error} retry={event.reload} />;
  if (!event.data || !units.data || mine.loading || requests.loading) return <Loading />;

  const chooseUnit = (id: number) => {
    safeSet(unitKey, String(id));
    const next = new URLSearchParams(params);
    next.set('unit', String(id));
    next.delete('period');
    setParams(next, { replace: true });
  };

  return (
    <ScalesProvider eventId={eventId}>
      <div className="report">
        <p className="breadcrumb">
          <Link to={`/events/${eventId}`}>
            {event.data.name}
            {event.data.isExercise ? ` (${t('app.exercise')})` : ''}
          </Link>
        </p>
        {event.data.isExercise && <p className="exercise-banner">{t('app.exerciseBanner')}</p>}
        {event.data.state === 'closed' ? (
          <PageHeading>{t('report.titleShort')}</PageHeading>
        ) : unit ? (
          <SituationForm
            key={`${unit.id}-${period}`}
            eventId={eventId}
            unitId={unit.id}
            unitName={unit.name}
            period={period}
            deadline={deadline}
            exercise={event.data.isExercise}
            unitPicker={<UnitPicker units={reportable} value={unit.id} onChange={chooseUnit} />}
          />
        ) : (
          <>
            <PageHeading>{t('report.titleShort')}</PageHeading>
            <UnitPicker units={reportable} value={null} onChange={chooseUnit} />
          </>
        )}
      </div>
    </ScalesProvider>
  );
}

function UnitPicker({
  units,
  value,
  onChange,
}: {
  units: { id: number; code: string; name: string }[];
  value: number | null;
  onChange: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field field--inline">
      <label className="label" htmlFor="unit">
        {t('report.unit')}
      </label>
      <select
        id="unit"
        className="select"
        value={value ?? ''}
        onChange={(event) => {
          const id = Number(event.target.value);
          if (id) onChange(id);
        }}
      >
        {value === null && <option value="">{t('report.chooseUnit')}</option>}
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name} ({unit.code})
          </option>
        ))}
      </select>
    </div>
  );
}
