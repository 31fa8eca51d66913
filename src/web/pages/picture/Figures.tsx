// Nyckeltal: the figures and their definitions beside the selected figure (FigureDetail.tsx) and
// the CSV import (FigureImport.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, parseNumber, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { useEventList, ShownOf } from '../../kit/lists.tsx';
import { SavedNotice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { InternalTag } from '../../kit/status.tsx';
import { formatNumber } from '../../format.ts';
import { LoadError } from '../../kit/loadError.tsx';
import type { Figure } from '../../../contract/figures.ts';
import { exchangeMeaningList, figuresApi } from '../../clients/figures.ts';
import { FigureDetail } from './FigureDetail.tsx';
import { CsvImport } from './FigureImport.tsx';

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
    {
      name: 'exchangeMeaning',
      label: t('picture.figures.exchangeMeaning'),
      hint: t('picture.figures.exchangeMeaningHint'),
      kind: 'select',
      options: ['none', ...exchangeMeaningList].map((meaning) => ({
        value: meaning,
        label: t(`picture.figures.exchangeMeanings.${meaning}`),
      })),
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
    exchangeMeaning: item.exchangeMeaning ?? 'none',
  });
  const body = (values: Values) => ({
    name: str(values.name),
    key: str(values.key).trim(),
    unitOfMeasure: str(values.unitOfMeasure),
    yellowThreshold: parseNumber(str(values.yellowThreshold)),
    redThreshold: parseNumber(str(values.redThreshold)),
    higherIsWorse: values.higherIsWorse === true,
    internal: values.internal === true,
    exchangeMeaning:
      exchangeMeaningList.find((meaning) => meaning === values.exchangeMeaning) ?? null,
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
                    exchangeMeaning: 'none',
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
