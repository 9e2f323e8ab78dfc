import { keepPreviousData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Page } from '../api/types.ts';

/** A cursor-paginated list (`{ items, nextCursor }`) read page by page with "load more". */
export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
    // keep showing the previous rows while a changed filter loads
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return {
    items,
    /** The first page of the current filters is loading. */
    isPending: (query.isPending && query.fetchStatus !== 'idle') || (query.isPlaceholderData && query.isFetching),
    isError: query.isError,
    error: query.error,
    refetch: query.refetch,
    loadMore: {
      hasMore: query.hasNextPage,
      loading: query.isFetchingNextPage,
      onLoadMore: () => void query.fetchNextPage(),
    },
  };
}
