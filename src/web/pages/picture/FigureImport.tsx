// CSV import of observations with a preview where every row error is listed before anything is
// imported (a file with a bad row is refused whole).
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FieldFrame } from '../../kit/forms.tsx';
import { errorText } from '../../kit/messages.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import type { CsvProblem, ImportPreview } from '../../../contract/figures.ts';
import { ApiError } from '../../api.ts';
import { figuresApi } from '../../clients/figures.ts';

export function CsvImport({ eventId, onImported }: { eventId: number; onImported: () => void }) {
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
        <FieldFrame
          id="import-file"
          label={t('picture.import.file')}
          hint={t('picture.import.fileHint')}
          error={error && !problems.length ? error : undefined}
        >
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              className="file-input"
              onChange={() => {
                setPreview(null);
                setProblems([]);
                setError('');
              }}
            />
          )}
        </FieldFrame>
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
