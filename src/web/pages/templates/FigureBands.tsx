// A key figure's threshold bands in a template: each band's lower limit and name, added and
// removed by buttons, each error beside its field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from '../../kit/forms.tsx';
import type { FigureChoice } from '../../../contract/block-params.ts';

type Band = FigureChoice['bands'][number];

export const maxBands = 6;

/** A limit as typed, with a decimal comma or point; anything else is not a number (the server says so). */
export function limitOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.'));
}

export function FigureBands({
  idOf,
  figureName,
  bands,
  errors,
  onChange,
}: {
  /** The id of a field below the figure's choice, as the server's path names it (bands.0.from). */
  idOf: (field: string) => string;
  figureName: string;
  bands: Band[];
  errors: Record<string, string>;
  onChange: (bands: Band[]) => void;
}) {
  const { t } = useTranslation();
  const setBand = (index: number, change: Partial<Band>) =>
    onChange(bands.map((band, at) => (at === index ? { ...band, ...change } : band)));

  function addBand() {
    const highest = bands.reduce((top, band) => Math.max(top, band.from), 0);
    onChange([...bands, { from: bands.length === 0 ? 0 : highest + 1, label: '' }]);
    requestAnimationFrame(() =>
      document.getElementById(idOf(`bands.${bands.length}.from`))?.focus(),
    );
  }

  function removeBand(index: number) {
    onChange(bands.filter((_, at) => at !== index));
    const next = Math.min(index, bands.length - 2);
    requestAnimationFrame(() =>
      document.getElementById(next >= 0 ? idOf(`bands.${next}.from`) : idOf('add-band'))?.focus(),
    );
  }

  return (
    <fieldset className="fieldset figure-bands">
      <legend className="fieldset__legend">
        {t('templates.figures.bands', { figure: figureName })}
      </legend>
      <p className="hint">{t('templates.figures.bandsHint')}</p>
      <FieldError id={idOf('bands')} message={errors[idOf('bands')]} />
      {bands.length === 0 && <p className="muted small">{t('templates.figures.noBands')}</p>}
      <ol className="figure-bands__list">
        {bands.map((band, index) => (
          <li key={index} className="figure-bands__band">
            <BandLimit
              id={idOf(`bands.${index}.from`)}
              place={index + 1}
              from={band.from}
              error={errors[idOf(`bands.${index}.from`)]}
              onChange={(from) => setBand(index, { from })}
            />
            <TextField
              id={idOf(`bands.${index}.label`)}
              label={
                <>
                  {t('templates.figures.bandLabel')}
                  <span className="visually-hidden"> (band {index + 1})</span>
                </>
              }
              error={errors[idOf(`bands.${index}.label`)]}
              width="half"
              value={band.label}
              onChange={(event) => setBand(index, { label: event.target.value })}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => removeBand(index)}
            >
              {t('templates.figures.removeBand', { label: band.label || index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={idOf('add-band')}
        className="button button--secondary"
        disabled={bands.length >= maxBands}
        onClick={addBand}
      >
        {t('templates.figures.addBand')}
      </button>
    </fieldset>
  );
}

const limitText = (from: number) => (Number.isNaN(from) ? '' : String(from).replace('.', ','));

/** The limit keeps what was typed ("1," on the way to "1,5"); the band holds its number. */
function BandLimit({
  id,
  place,
  from,
  error,
  onChange,
}: {
  id: string;
  place: number;
  from: number;
  error: string | undefined;
  onChange: (from: number) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(limitText(from));
  // Another band removed above this one: show this band's limit, not what was typed in the row.
  const shown = Object.is(limitOf(typed), from) ? typed : limitText(from);
  return (
    <TextField
      id={id}
      label={
        <>
          {t('templates.figures.bandFrom')}
          <span className="visually-hidden"> (band {place})</span>
        </>
      }
      error={error}
      width="quarter"
      inputMode="decimal"
      value={shown}
      onChange={(event) => {
        setTyped(event.target.value);
        onChange(limitOf(event.target.value));
      }}
    />
  );
}
