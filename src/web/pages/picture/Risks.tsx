// Risker: the likelihood × consequence matrix, each risk's trend from its reassessments, and
// forms to add, edit and reassess a risk.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { CsvLink, useEventList, ShownOf } from '../../kit/lists.tsx';
import { ListBesideForm } from '../../kit/recordList.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { InternalTag, ProvenanceNote } from '../../kit/status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Assessment, Risk } from '../../../contract/risks.ts';
import { csvUrl } from '../../api.ts';
import { risksApi } from '../../clients/risks.ts';

type RiskWithHistory = Risk & { assessments: Assessment[] };
type Mode =
  | { kind: 'create' }
  | { kind: 'edit'; item: RiskWithHistory }
  | { kind: 'assess'; item: RiskWithHistory };

const levels = [1, 2, 3, 4] as const;

/** Score bands of the 4 × 4 matrix: a word and a colour, never the colour alone. */
export function scoreBand(score: number): 'low' | 'medium' | 'high' | 'critical' {
  if (score >= 12) return 'critical';
  if (score >= 8) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

function ScoreTag({ score }: { score: number }) {
  const { t } = useTranslation();
  const band = scoreBand(score);
  return (
    <span className={`tag tag--compact tag--risk-${band}`}>
      {score} · {t(`picture.risks.band.${band}`)}
    </span>
  );
}

async function loadRisks(eventId: number): Promise<{ items: RiskWithHistory[]; total: number }> {
  const page = await risksApi.list(eventId, { limit: 200, order: 'asc' });
  const items = await Promise.all(page.items.map((risk) => risksApi.get(eventId, risk.id)));
  return { items, total: page.total };
}

export function RisksPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [mode, setMode] = useState<Mode>({ kind: 'create' });
  const [saved, setSaved] = useState('');
  const list = useEventList(eventId, () => loadRisks(eventId), []);

  const levelOptions = (kind: 'likelihood' | 'consequence') =>
    levels.map((level) => ({
      value: String(level),
      label: `${level} – ${t(`picture.risks.${kind}Level.${level}`)}`,
    }));
  const assessFields: FieldSpec[] = [
    {
      name: 'likelihood',
      label: t('picture.risks.likelihood'),
      kind: 'select',
      options: levelOptions('likelihood'),
    },
    {
      name: 'consequence',
      label: t('picture.risks.consequence'),
      kind: 'select',
      options: levelOptions('consequence'),
    },
    { name: 'mitigation', label: t('picture.risks.mitigation'), kind: 'textarea', required: false },
    {
      name: 'comment',
      label: t('picture.risks.comment'),
      hint: t('picture.risks.commentHint'),
      kind: 'textarea',
      required: false,
    },
  ];
  const describeFields: FieldSpec[] = [
    { name: 'title', label: t('picture.risks.riskTitle'), kind: 'text', required: true },
    {
      name: 'description',
      label: t('picture.risks.description'),
      kind: 'textarea',
      required: false,
    },
    { name: 'owner', label: t('picture.risks.owner'), kind: 'text', required: false },
  ];
  const internalField: FieldSpec = {
    name: 'internal',
    label: t('picture.internalLabel'),
    hint: t('picture.internalHint'),
    kind: 'checkbox',
  };
  const done = (message: string) => {
    setSaved(message);
    setMode({ kind: 'create' });
    void list.reload();
  };

  return (
    <EventPage eventId={eventId} title={t('picture.risks.title')} intro={t('picture.risks.intro')}>
      {(_event, can) =>
        list.error ? (
          <LoadError error={list.error} retry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : (
          <>
            <Matrix risks={list.data.items} />
            <ListBesideForm
              headingId="risks-list-title"
              heading={t('picture.risks.listTitle')}
              showForm={can('risk.write')}
              saved={saved}
              form={
                mode.kind === 'assess' ? (
                  <RecordForm<Risk>
                    key={`assess-${mode.item.id}`}
                    id="assess-form"
                    title={t('picture.risks.assessTitle', { title: mode.item.title })}
                    fields={assessFields}
                    initial={{}}
                    editing={mode.item}
                    toValues={(item) => ({
                      likelihood: String(item.likelihood),
                      consequence: String(item.consequence),
                      mitigation: item.mitigation,
                      comment: '',
                    })}
                    save={(values, version) =>
                      risksApi.assess(eventId, mode.item.id, {
                        version,
                        likelihood: Number(values.likelihood),
                        consequence: Number(values.consequence),
                        mitigation: str(values.mitigation),
                        comment: str(values.comment),
                      })
                    }
                    submitLabel={t('picture.risks.assess')}
                    onSaved={() => done(t('picture.risks.assessed'))}
                    onCancel={() => setMode({ kind: 'create' })}
                  />
                ) : mode.kind === 'edit' ? (
                  <RecordForm<Risk>
                    key={`edit-${mode.item.id}`}
                    id="risk-edit-form"
                    title={t('picture.risks.editTitle')}
                    fields={[...describeFields, internalField]}
                    initial={{}}
                    editing={mode.item}
                    toValues={(item) => ({
                      title: item.title,
                      description: item.description,
                      owner: item.owner,
                      internal: item.internal,
                    })}
                    save={(values, version) =>
                      risksApi.update(eventId, mode.item.id, {
                        version,
                        title: str(values.title),
                        description: str(values.description),
                        owner: str(values.owner),
                        internal: values.internal === true,
                      })
                    }
                    submitLabel={t('picture.form.save')}
                    onSaved={() => done(t('picture.risks.saved'))}
                    onCancel={() => setMode({ kind: 'create' })}
                  />
                ) : (
                  <RecordForm<Risk>
                    key="create"
                    id="risk-form"
                    title={t('picture.risks.newTitle')}
                    fields={[...describeFields, ...assessFields, internalField]}
                    initial={{
                      title: '',
                      description: '',
                      owner: '',
                      likelihood: '2',
                      consequence: '2',
                      mitigation: '',
                      comment: '',
                      internal: false,
                    }}
                    toValues={() => ({})}
                    save={(values: Values) =>
                      risksApi.create(eventId, {
                        title: str(values.title),
                        description: str(values.description),
                        owner: str(values.owner),
                        likelihood: Number(values.likelihood),
                        consequence: Number(values.consequence),
                        mitigation: str(values.mitigation),
                        comment: str(values.comment),
                        internal: values.internal === true,
                      })
                    }
                    submitLabel={t('picture.risks.add')}
                    onSaved={() => done(t('picture.risks.saved'))}
                  />
                )
              }
            >
              <CsvLink href={csvUrl(eventId, 'risks', { order: 'asc' })} />
              {list.data.items.length === 0 ? (
                <p>{t('picture.risks.none')}</p>
              ) : (
                <div
                  className="table-wrap"
                  tabIndex={0}
                  role="group"
                  aria-labelledby="risks-list-title"
                >
                  <table className="table table--dense">
                    <caption className="visually-hidden">{t('picture.risks.listTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('picture.risks.riskTitle')}</th>
                        <th scope="col" className="numeric">
                          {t('picture.risks.lxc')}
                        </th>
                        <th scope="col">{t('picture.risks.score')}</th>
                        <th scope="col">{t('picture.risks.trend')}</th>
                        <th scope="col">{t('picture.risks.owner')}</th>
                        <th scope="col">
                          <span className="visually-hidden">{t('picture.form.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...list.data.items]
                        .sort((a, b) => b.score - a.score)
                        .map((risk) => (
                          <tr key={risk.id}>
                            <th scope="row">
                              {risk.title} {risk.internal && <InternalTag />}
                              {risk.mitigation && (
                                <p className="small">
                                  <span className="muted">{t('picture.risks.mitigation')}: </span>
                                  {risk.mitigation}
                                </p>
                              )}
                              <p className="small muted">
                                {t('picture.risks.lastAssessed', {
                                  when: formatDateTime(risk.lastAssessedAt),
                                })}{' '}
                                · <ProvenanceNote provenance={risk.provenance} />
                              </p>
                            </th>
                            <td className="numeric nowrap">
                              {risk.likelihood} × {risk.consequence}
                            </td>
                            <td>
                              <ScoreTag score={risk.score} />
                            </td>
                            <td>
                              <Trend risk={risk} />
                            </td>
                            <td>{risk.owner || '–'}</td>
                            <td className="actions-cell">
                              {can('risk.write') && (
                                <>
                                  <button
                                    type="button"
                                    className="link-button"
                                    onClick={() => setMode({ kind: 'assess', item: risk })}
                                  >
                                    {t('picture.risks.assess')}
                                    <span className="visually-hidden">: {risk.title}</span>
                                  </button>{' '}
                                  <button
                                    type="button"
                                    className="link-button"
                                    onClick={() => setMode({ kind: 'edit', item: risk })}
                                  >
                                    {t('picture.form.edit')}
                                    <span className="visually-hidden">: {risk.title}</span>
                                  </button>
                                </>
                              )}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              )}
              <ShownOf page={list.data} />
            </ListBesideForm>
          </>
        )
      }
    </EventPage>
  );
}

/** A real table: consequence down the side (high at the top), likelihood across. */
function Matrix({ risks }: { risks: Risk[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel risk-matrix" aria-labelledby="matrix-title">
      <h2 id="matrix-title" className="panel__title">
        {t('picture.risks.matrix')}
      </h2>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="matrix-title">
        <table className="table matrix">
          <caption className="table-note">{t('picture.risks.matrixCaption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={4} className="matrix__axis">
                {t('picture.risks.likelihood')} →
              </th>
            </tr>
            <tr>
              <th scope="col">{t('picture.risks.consequence')} ↓</th>
              {levels.map((likelihood) => (
                <th scope="col" key={likelihood} className="numeric">
                  {likelihood}
                  <span className="matrix__label">
                    {t(`picture.risks.likelihoodLevel.${likelihood}`)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...levels].reverse().map((consequence) => (
              <tr key={consequence}>
                <th scope="row">
                  {consequence}
                  <span className="matrix__label">
                    {t(`picture.risks.consequenceLevel.${consequence}`)}
                  </span>
                </th>
                {levels.map((likelihood) => {
                  const here = risks.filter(
                    (risk) => risk.likelihood === likelihood && risk.consequence === consequence,
                  );
                  const band = scoreBand(likelihood * consequence);
                  return (
                    <td key={likelihood} className={`matrix__cell matrix__cell--${band}`}>
                      <span className="matrix__count">{here.length || ''}</span>
                      <span className="matrix__band">{t(`picture.risks.band.${band}`)}</span>
                      {here.length > 0 && (
                        <span className="visually-hidden">
                          {t('picture.risks.cellRisks', {
                            count: here.length,
                            titles: here.map((risk) => risk.title).join('; '),
                          })}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The score over the reassessments as a small line, with the direction in words. */
function Trend({ risk }: { risk: RiskWithHistory }) {
  const { t } = useTranslation();
  const scores = risk.assessments.map((assessment) => assessment.score);
  const direction = risk.trend?.direction ?? null;
  const width = 72;
  const height = 22;
  const x = (index: number) =>
    scores.length <= 1 ? width / 2 : (index / (scores.length - 1)) * (width - 6) + 3;
  const y = (score: number) => height - 3 - ((score - 1) / 15) * (height - 6);
  const history = risk.assessments
    .map((assessment) => `${formatDate(assessment.assessedAt)}: ${assessment.score}`)
    .join(', ');
  return (
    <span className="trend">
      {scores.length > 1 && (
        <svg
          className="sparkline"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          aria-hidden="true"
          focusable="false"
        >
          <polyline
            points={scores.map((score, index) => `${x(index)},${y(score)}`).join(' ')}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
          <circle cx={x(scores.length - 1)} cy={y(scores.at(-1)!)} r="2.4" fill="currentColor" />
        </svg>
      )}
      <span className={`trend__word trend__word--${direction ?? 'none'}`}>
        {direction ? t(`picture.risks.direction.${direction}`) : t('picture.risks.direction.none')}
        {risk.trend && ` (${t('picture.risks.from', { score: risk.trend.previousScore })})`}
      </span>
      {history && (
        <span className="visually-hidden">
          . {t('picture.risks.history')}: {history}
        </span>
      )}
    </span>
  );
}
