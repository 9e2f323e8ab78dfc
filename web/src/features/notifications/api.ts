import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, seg } from '../../api/client.ts';
import type { NotificationPage } from '../../api/types.ts';

export const notificationsKey = ['notifications'] as const;

/** The latest notifications and the unread count, polled; absent (404) on a server without them. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { limit: 20 }, signal),
    enabled,
    staleTime: 30_000,
    refetchInterval: (query) => (query.state.error && isApiError(query.state.error) && query.state.error.status === 404 ? false : 60_000),
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/notifications/${seg(id)}/read`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
