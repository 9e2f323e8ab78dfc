import { Alert, Button, Flex, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
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

/** What useCursorList answers, as far as a table needs it. */
interface CursorList<T> {
  items: T[];
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
  loadMore: LoadMore;
}

interface CursorTableProps<T> extends Omit<DataTableProps<T>, 'dataSource' | 'loading' | 'error' | 'onRetry' | 'loadMore'> {
  list: CursorList<T>;
  /** Where a click on a row leads. */
  rowHref?: (row: T) => string;
}

/** A DataTable over a cursor list (useCursorList): rows, loading, errors with retry, "load more", rows as links. */
export function CursorTable<T extends object>({ list, rowHref, ...props }: CursorTableProps<T>) {
  const navigate = useNavigate();
  return (
    <DataTable<T>
      dataSource={list.items}
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      loadMore={list.loadMore}
      onRow={rowHref ? (row) => ({ onClick: () => navigate(rowHref(row)), style: { cursor: 'pointer' } }) : undefined}
      {...props}
    />
  );
}
