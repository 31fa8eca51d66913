// The question before leaving a section with unsaved text: stay, or leave (the text is kept here).
import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';

export function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation();
  if (blocker.state !== 'blocked') return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title">
        <h2 id="leave-title">{t('reports.section.leaveWarning')}</h2>
        <p>{t('reports.section.leaveKept')}</p>
        <div className="button-group">
          <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>
            {t('reports.section.stay')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => blocker.proceed()}
          >
            {t('reports.section.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
