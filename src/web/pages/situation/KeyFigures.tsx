// The return's key figures: rows of name, value and unit that the unit adds and removes.
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../kit/forms.tsx';
import { type FigureRow } from './values.ts';

export function KeyFigures({
  figures,
  errors,
  setFigure,
  setFigures,
}: {
  figures: FigureRow[];
  errors: Record<string, string>;
  setFigure: (index: number, patch: Partial<FigureRow>) => void;
  setFigures: (figures: FigureRow[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--m">{t('report.figures')}</legend>
      <p className="hint">{t('report.figuresHint')}</p>
      {figures.map((figure, index) => (
        <div
          className="figure-row"
          key={index}
          role="group"
          aria-label={t('report.figureNumber', { number: index + 1 })}
        >
          <div className={`field${errors[`figure-${index}-name`] ? ' field--error' : ''}`}>
            <label className="label" htmlFor={`figure-${index}-name`}>
              {t('report.figureName')}
            </label>
            <FieldError id={`figure-${index}-name`} message={errors[`figure-${index}-name`]} />
            <input
              id={`figure-${index}-name`}
              className="input"
              value={figure.name}
              aria-invalid={errors[`figure-${index}-name`] ? true : undefined}
              aria-describedby={
                errors[`figure-${index}-name`] ? `figure-${index}-name-error` : undefined
              }
              onChange={(event) => setFigure(index, { name: event.target.value })}
            />
          </div>
          <div
            className={`field field--value${errors[`figure-${index}-value`] ? ' field--error' : ''}`}
          >
            <label className="label" htmlFor={`figure-${index}-value`}>
              {t('report.figureValue')}
            </label>
            <FieldError id={`figure-${index}-value`} message={errors[`figure-${index}-value`]} />
            <input
              id={`figure-${index}-value`}
              className="input input--numeric"
              inputMode="decimal"
              value={figure.value}
              aria-invalid={errors[`figure-${index}-value`] ? true : undefined}
              aria-describedby={
                errors[`figure-${index}-value`] ? `figure-${index}-value-error` : undefined
              }
              onChange={(event) => setFigure(index, { value: event.target.value })}
            />
          </div>
          <div className="field field--unit">
            <label className="label" htmlFor={`figure-${index}-unit`}>
              {t('report.figureUnit')}
            </label>
            <input
              id={`figure-${index}-unit`}
              className="input"
              value={figure.unit}
              onChange={(event) => setFigure(index, { unit: event.target.value })}
            />
          </div>
          <button
            type="button"
            className="link-button figure-row__remove"
            onClick={() => setFigures(figures.filter((_, at) => at !== index))}
          >
            {t('report.removeFigure', { number: index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        id="add-figure"
        className="button button--secondary"
        onClick={() => setFigures([...figures, { name: '', value: '', unit: '' }])}
      >
        {t('report.addFigure')}
      </button>
    </fieldset>
  );
}
