import { Alert, Button, Flex, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';

export interface LoadMore {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

interface DataTableProps<T> extends Omit<TableProps<T>, 'pagination'> {
  loadMore?: LoadMore;
  error?: unknown;
  onRetry?: () => void;
}

/** A table that scrolls sideways and turns compact on phones, with cursor "load more". */
export function DataTable<T extends object>({ loadMore, error, onRetry, ...props }: DataTableProps<T>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <>
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={isApiError(error) && error.title ? error.title : t('errors.loadFailed')}
          description={isApiError(error) ? (error.status === 0 ? t('errors.network') : error.detail) : undefined}
          action={
            onRetry ? (
              <Button size="small" onClick={onRetry}>
                {t('common.retry')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Table<T> size={mobile ? 'small' : 'middle'} scroll={{ x: 'max-content' }} pagination={false} {...props} />
      {loadMore?.hasMore ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={loadMore.onLoadMore} loading={loadMore.loading} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
