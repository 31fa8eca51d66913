// Nyckeltal: definitions, observations, the weekly chart, and CSV import with a preview where
// every row error is listed before anything is imported (a file with a bad row is refused whole).
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { WeekChart } from '../../Chart.tsx';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, isoOf, parseNumber, str } from '../../kit/fieldSpec.tsx';
import { ErrorSummary } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { CsvLink, Pager, useEventList, ShownOf } from '../../kit/lists.tsx';
import { SavedNotice, errorText } from '../../kit/messages.tsx';
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
import type { CsvProblem, Figure, ImportPreview } from '../../../contract/figures.ts';
import { ApiError, csvUrl } from '../../api.ts';
import { figuresApi } from '../../clients/figures.ts';
import { unitsApi } from '../../clients/units.ts';

export function FiguresPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [editing, setEditing] = useState<Figure | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [saved, setSaved] = useState('');
  const figures = useEventList(eventId, () => figuresApi.list(eventId, { limit: 200 }), []);
  const figureId = selected ?? figures.data?.items[0]?.id ?? null;

  const numberCheck = (values: Values, name: string): [string, string | false] => [
    name,
    str(values[name]).trim() !== '' &&
      parseNumber(str(values[name])) === null &&
      t('picture.figures.notNumber'),
  ];
  const fields: FieldSpec[] = [
    { name: 'name', label: t('picture.figures.name'), kind: 'text', required: true },
    {
      name: 'key',
      label: t('picture.figures.key'),
      hint: t('picture.figures.keyHint'),
      kind: 'text',
      required: true,
      width: 'half',
    },
    {
      name: 'unitOfMeasure',
      label: t('picture.figures.unitOfMeasure'),
      hint: t('picture.figures.unitOfMeasureHint'),
      kind: 'text',
      required: false,
      width: 'quarter',
    },
    {
      name: 'yellowThreshold',
      label: t('picture.figures.yellow'),
      kind: 'number',
      required: false,
    },
    { name: 'redThreshold', label: t('picture.figures.red'), kind: 'number', required: false },
    {
      name: 'higherIsWorse',
      label: t('picture.figures.higherIsWorse'),
      hint: t('picture.figures.higherIsWorseHint'),
      kind: 'checkbox',
    },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const toValues = (item: Figure): Values => ({
    name: item.name,
    key: item.key,
    unitOfMeasure: item.unitOfMeasure,
    yellowThreshold: item.yellowThreshold === null ? '' : String(item.yellowThreshold),
    redThreshold: item.redThreshold === null ? '' : String(item.redThreshold),
    higherIsWorse: item.higherIsWorse,
    internal: item.internal,
  });
  const body = (values: Values) => ({
    name: str(values.name),
    key: str(values.key).trim(),
    unitOfMeasure: str(values.unitOfMeasure),
    yellowThreshold: parseNumber(str(values.yellowThreshold)),
    redThreshold: parseNumber(str(values.redThreshold)),
    higherIsWorse: values.higherIsWorse === true,
    internal: values.internal === true,
  });

  return (
    <EventPage
      eventId={eventId}
      title={t('picture.figures.title')}
      intro={t('picture.figures.intro')}
    >
      {(_event, can) =>
        figures.error ? (
          <LoadError error={figures.error} retry={figures.reload} />
        ) : !figures.data ? (
          <Loading />
        ) : (
          <>
            <SavedNotice message={saved} />
            <section className="section" aria-labelledby="definitions-title">
              <h2 id="definitions-title">{t('picture.figures.definitions')}</h2>
              <div
                className="table-wrap"
                tabIndex={0}
                role="group"
                aria-labelledby="definitions-title"
              >
                <table className="table table--dense">
                  <caption className="visually-hidden">{t('picture.figures.definitions')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('picture.figures.name')}</th>
                      <th scope="col">{t('picture.figures.key')}</th>
                      <th scope="col">{t('picture.figures.unitOfMeasure')}</th>
                      <th scope="col" className="numeric">
                        {t('picture.figures.yellow')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('picture.figures.red')}
                      </th>
                      <th scope="col">{t('picture.figures.direction')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('picture.form.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.data.items.map((figure) => (
                      <tr key={figure.id}>
                        <th scope="row">
                          {figure.name} {figure.internal && <InternalTag />}
                        </th>
                        <td>
                          <code>{figure.key}</code>
                        </td>
                        <td>{figure.unitOfMeasure || '–'}</td>
                        <td className="numeric">{formatNumber(figure.yellowThreshold)}</td>
                        <td className="numeric">{formatNumber(figure.redThreshold)}</td>
                        <td>
                          {figure.higherIsWorse
                            ? t('picture.figures.higherWorse')
                            : t('picture.figures.lowerWorse')}
                        </td>
                        <td className="actions-cell">
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => setSelected(figure.id)}
                            aria-pressed={figure.id === figureId}
                          >
                            {t('picture.figures.show')}
                            <span className="visually-hidden">: {figure.name}</span>
                          </button>{' '}
                          {can('figure.define') && (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => setEditing(figure)}
                            >
                              {t('picture.form.edit')}
                              <span className="visually-hidden">: {figure.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ShownOf page={figures.data} />
            </section>

            {figureId !== null && (
              <FigureDetail
                key={figureId}
                eventId={eventId}
                figure={figures.data.items.find((figure) => figure.id === figureId)!}
                canWrite={can('figure.write')}
              />
            )}

            <div className="picture-layout picture-layout--even">
              {can('figure.define') && (
                <RecordForm<Figure>
                  key={editing ? `edit-${editing.id}` : 'create'}
                  id="figure-form"
                  title={editing ? t('picture.figures.editTitle') : t('picture.figures.newTitle')}
                  fields={fields}
                  initial={{
                    name: '',
                    key: '',
                    unitOfMeasure: '',
                    yellowThreshold: '',
                    redThreshold: '',
                    higherIsWorse: true,
                    internal: false,
                  }}
                  editing={editing}
                  toValues={toValues}
                  validate={(values) => [
                    numberCheck(values, 'yellowThreshold'),
                    numberCheck(values, 'redThreshold'),
                  ]}
                  save={(values, version) =>
                    editing
                      ? figuresApi.update(eventId, editing.id, { version, ...body(values) })
                      : figuresApi.create(eventId, body(values))
                  }
                  submitLabel={editing ? t('picture.form.save') : t('picture.figures.add')}
                  onSaved={() => {
                    setSaved(t('picture.figures.saved'));
                    setEditing(null);
                    void figures.reload();
                  }}
                  {...(editing && { onCancel: () => setEditing(null) })}
                />
              )}
              {can('figure.write') && (
                <CsvImport eventId={eventId} onImported={() => void figures.reload()} />
              )}
            </div>
          </>
        )
      }
    </EventPage>
  );
}

const observationLimit = 20;

function FigureDetail({
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
  const places = useLoad(() => Promise.all([unitsApi.list(), unitsApi.facilities()]), []);
  const [units, facilities] = places.data ?? [null, null];
  const placeName = (unitId: number | null, facilityId: number | null) =>
    (facilityId !== null
      ? facilities?.items.find((item) => item.id === facilityId)?.name
      : units?.items.find((item) => item.id === unitId)?.name) ?? t('picture.figures.wholeRegion');
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
                      <BucketValue bucket={bucket} unit={unit} />
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
                    { value: '', label: t('picture.figures.wholeRegion') },
                    ...(units?.items ?? []).map((item) => ({
                      value: `u${item.id}`,
                      label: item.name,
                    })),
                    ...(facilities?.items ?? []).map((item) => ({
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

function CsvImport({ eventId, onImported }: { eventId: number; onImported: () => void }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [error, setError] = useState('');
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);

  async function check(event: FormEvent) {
    event.preventDefault();
    setResult('');
    setPreview(null);
    setProblems([]);
    const chosen = fileRef.current?.files?.[0];
    if (!chosen) {
      setError(t('picture.import.chooseFile'));
      return;
    }
    setError('');
    setBusy(true);
    try {
      const text = await chosen.text();
      setFile({ name: chosen.name, text });
      const parsed = await figuresApi.previewImport(eventId, chosen.name, text);
      setPreview(parsed);
      setProblems(parsed.errors);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  async function runImport() {
    if (!file) return;
    setBusy(true);
    try {
      const done = await figuresApi.runImport(eventId, file.name, file.text);
      setResult(t('picture.import.done', { count: done.imported, file: file.name }));
      setPreview(null);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onImported();
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.details.errors)) {
        setProblems(caught.details.errors as CsvProblem[]);
      }
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  const column = (name: string | null) =>
    name ? t(`picture.import.column.${name}`, { defaultValue: name }) : '–';

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title" className="panel__title">
        {t('picture.import.title')}
      </h2>
      <p className="small">{t('picture.import.intro')}</p>
      <pre className="csv-example" aria-label={t('picture.import.example')}>
        {
          'nyckeltal;värde;tidpunkt;enhet;källa\nbeläggningsgrad;94,5;2024-11-12 08:00;SÄS;Daglig rapport'
        }
      </pre>
      <ErrorSummary
        errors={
          error ? [{ id: problems.length ? 'import-problems' : 'import-file', message: error }] : []
        }
      />
      <form noValidate onSubmit={(event) => void check(event)}>
        <div className={`field${error && !problems.length ? ' field--error' : ''}`}>
          <label className="label" htmlFor="import-file">
            {t('picture.import.file')}
          </label>
          <p className="hint" id="import-file-hint">
            {t('picture.import.fileHint')}
          </p>
          <input
            id="import-file"
            ref={fileRef}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="file-input"
            aria-describedby="import-file-hint"
            onChange={() => {
              setPreview(null);
              setProblems([]);
              setError('');
            }}
          />
        </div>
        <div className="button-group">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('picture.import.preview')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <div className="notice notice--success">
            <p>{result}</p>
          </div>
        )}
        {preview && (
          <p>
            {preview.errors.length > 0
              ? t('picture.import.hasErrors', {
                  rows: new Set(preview.errors.map((problem) => problem.row)).size,
                })
              : t('picture.import.ready', { count: preview.rows.length })}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <div className="import-problems" id="import-problems" tabIndex={-1}>
          <h3>{t('picture.import.problems')}</h3>
          <div
            className="table-wrap"
            tabIndex={0}
            role="group"
            aria-label={t('picture.import.problems')}
          >
            <table className="table table--dense">
              <caption className="visually-hidden">{t('picture.import.problems')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('picture.import.row')}
                  </th>
                  <th scope="col">{t('picture.import.columnLabel')}</th>
                  <th scope="col">{t('picture.import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((problem, index) => (
                  <tr key={index} className="is-error">
                    <td className="numeric">{problem.row}</td>
                    <td>{column(problem.column)}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="notice notice--warning">{t('picture.import.nothingImported')}</p>
        </div>
      )}
      {preview && preview.rows.length > 0 && (
        <>
          <h3 id="import-preview-title">
            {preview.valid ? t('picture.import.previewTitle') : t('picture.import.readableTitle')}
          </h3>
          <div
            className="table-wrap"
            tabIndex={0}
            role="group"
            aria-labelledby="import-preview-title"
          >
            <table className="table table--dense">
              <caption className="visually-hidden">{t('picture.import.previewTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('picture.import.row')}
                  </th>
                  <th scope="col">{t('picture.import.column.figure')}</th>
                  <th scope="col" className="numeric">
                    {t('picture.import.column.value')}
                  </th>
                  <th scope="col">{t('picture.import.column.observed_at')}</th>
                  <th scope="col">{t('picture.import.column.unit')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 100).map((row) => (
                  <tr key={row.row}>
                    <td className="numeric">{row.row}</td>
                    <td>{row.figureKey}</td>
                    <td className="numeric">{formatNumber(row.value, 2)}</td>
                    <td className="nowrap">{formatDateTime(row.observedAt)}</td>
                    <td>{row.place ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rows.length > 100 && (
            <p className="small muted">
              {t('picture.import.more', { count: preview.rows.length - 100 })}
            </p>
          )}
        </>
      )}
      {preview && preview.valid && preview.rows.length > 0 && (
        <div className="button-group">
          <button type="button" className="button" disabled={busy} onClick={() => void runImport()}>
            {t('picture.import.run', { count: preview.rows.length })}
          </button>
        </div>
      )}
    </section>
  );
}
