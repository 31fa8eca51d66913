// One key figure: its observations (paged, with CSV), the weekly chart and a new observation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WeekChart } from '../../Chart.tsx';
import { isoOf, parseNumber, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { CsvLink, Pager, useEventList } from '../../kit/lists.tsx';
import { SavedNotice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { BucketValue, StatusTag, InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import {
  formatChange,
  formatDateTime,
  formatNumber,
  periodLabel,
  stockholmLocalNow,
  withUnit,
} from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Figure } from '../../../contract/figures.ts';
import { csvUrl } from '../../api.ts';
import { figuresApi } from '../../clients/figures.ts';
import { eventUnitsApi } from '../../clients/event-units.ts';
import { unitsApi } from '../../clients/units.ts';

const observationLimit = 20;

export function FigureDetail({
  eventId,
  figure,
  canWrite,
}: {
  eventId: number;
  figure: Figure;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [saved, setSaved] = useState('');
  const series = useEventList(eventId, () => figuresApi.series(eventId, figure.id), [figure.id]);
  const observations = useEventList(
    eventId,
    () => figuresApi.observations(eventId, figure.id, { limit: observationLimit, offset }),
    [figure.id, offset],
  );
  const places = useLoad(
    () => Promise.all([eventUnitsApi.list(eventId), unitsApi.facilities()]),
    [eventId],
  );
  const [units, allFacilities] = places.data ?? [null, null];
  const unitlessLabel = units?.unitlessLabel ?? '';
  const facilities = allFacilities?.items.filter((item) =>
    units?.items.some((candidate) => candidate.unitId === item.unitId),
  );
  const placeName = (unitId: number | null, facilityId: number | null) =>
    (facilityId !== null
      ? allFacilities?.items.find((item) => item.id === facilityId)?.name
      : units?.items.find((item) => item.unitId === unitId)?.name) ?? unitlessLabel;
  const unit = figure.unitOfMeasure;
  const buckets = series.data?.buckets ?? [];

  return (
    <section className="panel figure-detail" aria-labelledby="figure-detail-title">
      <h2 id="figure-detail-title" className="panel__title">
        {figure.name}
      </h2>
      {series.data && (
        <div className="figure-detail__grid">
          <div>
            <h3>{t('dashboard.chartTitle', { name: figure.name })}</h3>
            <WeekChart
              title={t('dashboard.chartTitle', { name: figure.name })}
              buckets={buckets}
              unit={unit}
              yellow={figure.yellowThreshold}
              red={figure.redThreshold}
              yellowLabel={t('dashboard.yellowLimit')}
              redLabel={t('dashboard.redLimit')}
            />
            {buckets.length === 0 && <p>{t('picture.figures.noObservations')}</p>}
          </div>
          <div
            className="table-wrap"
            tabIndex={0}
            role="group"
            aria-label={t('picture.figures.perWeek')}
          >
            <table className="table table--dense">
              <caption className="table-note">{t('picture.figures.perWeek')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('picture.figures.week')}</th>
                  <th scope="col" className="numeric">
                    {t('dashboard.chartValue')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('picture.figures.count')}
                  </th>
                  <th scope="col">{t('dashboard.status')}</th>
                </tr>
              </thead>
              <tbody>
                {buckets.map((bucket) => (
                  <tr key={bucket.period}>
                    <th scope="row">{periodLabel(bucket.period)}</th>
                    <td className="numeric nowrap">
                      <BucketValue bucket={bucket} unit={unit} unitlessLabel={unitlessLabel} />
                      {bucket.change !== null && (
                        <span className="change"> ({formatChange(bucket.change)})</span>
                      )}
                    </td>
                    <td className="numeric">{bucket.count}</td>
                    <td>{bucket.value !== null && <StatusTag status={bucket.status} compact />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <div className="picture-layout picture-layout--even">
        <div>
          <h3 id="observations-title">{t('picture.figures.observations')}</h3>
          <CsvLink href={csvUrl(eventId, `figures/${figure.id}/observations`)} />
          {observations.error ? (
            <LoadError error={observations.error} retry={observations.reload} />
          ) : !observations.data ? (
            <Loading />
          ) : observations.data.items.length === 0 ? (
            <p>{t('picture.figures.noObservations')}</p>
          ) : (
            <>
              <div
                className="table-wrap"
                tabIndex={0}
                role="group"
                aria-labelledby="observations-title"
              >
                <table className="table table--dense">
                  <caption className="visually-hidden">{t('picture.figures.observations')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('picture.figures.observedAt')}</th>
                      <th scope="col">{t('picture.figures.place')}</th>
                      <th scope="col" className="numeric">
                        {t('picture.figures.value')}
                      </th>
                      <th scope="col">{t('picture.figures.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {observations.data.items.map((item) => (
                      <tr key={item.id}>
                        <td className="nowrap">{formatDateTime(item.observedAt)}</td>
                        <td>
                          {placeName(item.unitId, item.facilityId)}{' '}
                          {item.internal && <InternalTag />}
                        </td>
                        <td className="numeric nowrap">
                          {withUnit(formatNumber(item.value, 2), unit)}
                        </td>
                        <td className="small">
                          <ProvenanceNote provenance={item.provenance} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                total={observations.data.total}
                limit={observationLimit}
                offset={offset}
                onChange={setOffset}
              />
            </>
          )}
        </div>
        <div>
          <SavedNotice message={saved} />
          {places.data && canWrite && (
            <RecordForm<{ version: number }>
              id="observation-form"
              title={t('picture.figures.newObservation')}
              fields={[
                {
                  name: 'value',
                  label: withUnit(t('picture.figures.value'), unit ? `(${unit})` : ''),
                  kind: 'number',
                  required: true,
                },
                {
                  name: 'observedAt',
                  label: t('picture.figures.observedAt'),
                  kind: 'datetime',
                  required: true,
                },
                {
                  name: 'place',
                  label: t('picture.figures.place'),
                  kind: 'select',
                  options: [
                    { value: '', label: unitlessLabel },
                    ...(units?.items ?? []).map((item) => ({
                      value: `u${item.unitId}`,
                      label: `${'– '.repeat(item.depth)}${item.name}`,
                    })),
                    ...(facilities ?? []).map((item) => ({
                      value: `f${item.id}`,
                      label: `${item.name} (${item.code})`,
                    })),
                  ],
                },
                {
                  name: 'internal',
                  label: t('picture.internalLabel'),
                  hint: t('picture.internalHint'),
                  kind: 'checkbox',
                },
              ]}
              initial={{ value: '', observedAt: stockholmLocalNow(), place: '', internal: false }}
              toValues={() => ({})}
              validate={(values) => [
                [
                  'value',
                  parseNumber(str(values.value)) === null && t('picture.figures.notNumber'),
                ],
              ]}
              save={(values) => {
                const place = str(values.place);
                return figuresApi.createObservation(eventId, figure.id, {
                  value: parseNumber(str(values.value)),
                  observedAt: isoOf(values.observedAt),
                  unitId: place.startsWith('u') ? Number(place.slice(1)) : null,
                  facilityId: place.startsWith('f') ? Number(place.slice(1)) : null,
                  internal: values.internal === true,
                });
              }}
              submitLabel={t('picture.figures.addObservation')}
              onSaved={() => {
                setSaved(t('picture.figures.observationSaved'));
                void observations.reload();
                void series.reload();
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
