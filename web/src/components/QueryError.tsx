import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** A whole-page failure: not found, forbidden, or anything else with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const home = (
    <Button key="home" href="/">
      {t('common.backHome')}
    </Button>
  );
  if (isApiError(error) && error.status === 404) {
    return <Result status="404" title={t('errors.notFoundTitle')} subTitle={error.detail || t('errors.notFoundBody')} extra={home} />;
  }
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={error.detail || t('errors.forbiddenBody')} extra={home} />;
  }
  const title = isApiError(error) && error.title ? error.title : t('errors.loadFailed');
  const detail = isApiError(error) ? (error.status === 0 ? t('errors.network') : error.detail) : String(error);
  return (
    <Result
      status="error"
      title={title}
      subTitle={detail}
      extra={[
        onRetry ? (
          <Button key="retry" type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null,
        home,
      ]}
    />
  );
}
