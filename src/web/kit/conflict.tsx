// A 409 answer: the server's version beside the user's, nothing typed is lost.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, stockholmLocalToIso } from '../format.ts';
import { type FieldSpec, type FieldValue, type Values } from './fieldSpec.tsx';

function display(spec: FieldSpec, value: FieldValue | undefined, t: (key: string) => string) {
  if (typeof value === 'boolean') return value ? t('picture.yes') : t('picture.no');
  if (Array.isArray(value))
    return value
      .map((item) => spec.options?.find((option) => option.value === item)?.label ?? item)
      .join(', ');
  if (spec.options) return spec.options.find((option) => option.value === value)?.label ?? value;
  if (spec.kind === 'datetime' && value) return formatDateTime(stockholmLocalToIso(value));
  return value || '–';
}

/** The other version beside the user's: nothing typed is lost. */
export function ConflictNotice({
  fields,
  theirs,
  yours,
  onTakeTheirs,
  onKeepMine,
}: {
  fields: FieldSpec[];
  theirs: Values;
  yours: Values;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="conflict" role="alert" tabIndex={-1} ref={ref}>
      <h3>{t('picture.conflict.title')}</h3>
      <p>{t('picture.conflict.text')}</p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label={t('picture.conflict.title')}
      >
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('picture.conflict.field')}</th>
              <th scope="col">{t('picture.conflict.theirs')}</th>
              <th scope="col">{t('picture.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((spec) => {
              const a = display(spec, theirs[spec.name], t);
              const b = display(spec, yours[spec.name], t);
              return (
                <tr key={spec.name} className={a !== b ? 'differs' : undefined}>
                  <th scope="row">
                    {spec.label}
                    {a !== b && (
                      <span className="tag tag--compact tag--differs">
                        ≠ {t('picture.conflict.differs')}
                      </span>
                    )}
                  </th>
                  <td className="pre-line">{a}</td>
                  <td className="pre-line">{b}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={onKeepMine}>
          {t('picture.conflict.keepMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={onTakeTheirs}>
          {t('picture.conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}
