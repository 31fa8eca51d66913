import { useTranslation } from 'react-i18next';
import { Notice } from './messages.tsx';
import { ApiError } from '../api.ts';

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError && error.code !== 'network' ? error.message : t('app.networkError');
  return (
    <Notice kind="warning" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" className="button button--secondary" onClick={() => retry()}>
          {t('app.retry')}
        </button>
      )}
    </Notice>
  );
}
