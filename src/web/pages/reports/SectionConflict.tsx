// Someone else saved the section first (409): both texts side by side, line by line, and the
// three ways on: keep mine, edit both combined, or take theirs.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSection } from '../../../contract/reports.ts';
import { formatDateTime } from '../../format.ts';
import { LineDiff } from './SectionMerge.tsx';

export function SectionConflict({
  conflict,
  mine,
  busy,
  onKeepMine,
  onCombine,
  onTakeTheirs,
}: {
  conflict: ReportSection;
  mine: string;
  busy: boolean;
  onKeepMine: () => void;
  onCombine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [conflict]);
  const name = conflict.updatedBy ?? t('reports.conflict.someone');
  return (
    <section
      className="conflict"
      id="conflict"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="conflict-title"
    >
      <h2 id="conflict-title">{t('reports.conflict.title')}</h2>
      <p>{t('reports.conflict.text', { name, when: formatDateTime(conflict.updatedAt) })}</p>
      <div className="conflict__columns">
        <div>
          <h3>{t('reports.conflict.theirs', { name })}</h3>
          <LineDiff text={conflict.text} other={mine} label={t('reports.conflict.onlyHere')} />
        </div>
        <div>
          <h3>{t('reports.conflict.yours')}</h3>
          <LineDiff text={mine} other={conflict.text} label={t('reports.conflict.onlyHere')} />
        </div>
      </div>
      <p className="muted small">{t('reports.conflict.legend')}</p>
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={onKeepMine}>
          {t('reports.conflict.keepMine')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onCombine}
        >
          {t('reports.conflict.combine')}
        </button>
        <button type="button" className="link-button" disabled={busy} onClick={onTakeTheirs}>
          {t('reports.conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
