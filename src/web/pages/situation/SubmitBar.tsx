// The foot of the return's form: the unsaved note, submit and save; the dialog before leaving.
import { useTranslation } from 'react-i18next';

export function SubmitBar({
  dirty,
  busy,
  onSubmit,
}: {
  dirty: boolean;
  busy: boolean;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {dirty && (
        <p className="unsaved" role="status">
          {t('report.unsaved')}
        </p>
      )}
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={onSubmit}>
          {t('report.submit')}
        </button>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('report.save')}
        </button>
      </div>
    </>
  );
}

/** Asked when the user leaves with unsaved changes. */
export function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title">
        <h2 id="leave-title">{t('report.leaveWarning')}</h2>
        <div className="button-group">
          <button type="button" className="button" autoFocus onClick={onStay}>
            {t('report.stay')}
          </button>
          <button type="button" className="button button--secondary" onClick={onLeave}>
            {t('report.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
