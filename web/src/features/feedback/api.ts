import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, downloadFile, isApiError, seg } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import type {
  DefectReport,
  DefectReportFilters,
  Feedback,
  FeedbackFilters,
  FeedbackOptions,
  FeedbackSummary,
  FeedbackTransitionInput,
  FollowUp,
  OrderFeedback,
  RaiseFeedbackInput,
} from './types.ts';

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (filters: FeedbackFilters) => ['feedback', 'list', filters] as const,
  detail: (id: string) => ['feedback', 'detail', id] as const,
  order: (orderId: string) => ['feedback', 'order', orderId] as const,
  options: ['feedback', 'options'] as const,
  report: (filters: DefectReportFilters) => ['feedback', 'report', filters] as const,
  followUps: (scope: string, status: string) => ['feedback', 'follow-ups', scope, status] as const,
};

export function useFeedbackList(filters: FeedbackFilters) {
  return useCursorList(feedbackKeys.list(filters), (cursor, signal) =>
    api.get<Page<FeedbackSummary>>('/feedback', { ...filters, cursor, limit: 25 }, signal),
  );
}

export function useFeedback(id: string) {
  return useQuery({
    queryKey: feedbackKeys.detail(id),
    queryFn: ({ signal }) => api.get<Feedback>(`/feedback/${seg(id)}`, undefined, signal),
  });
}

export function useFeedbackOptions() {
  return useQuery({
    queryKey: feedbackKeys.options,
    queryFn: ({ signal }) => api.get<FeedbackOptions>('/feedback/options', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** The order's feedback panel; a caller the server refuses (403/404) simply sees no panel. */
export function useOrderFeedback(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: feedbackKeys.order(orderId),
    queryFn: ({ signal }) => api.get<OrderFeedback>(`/work-orders/${seg(orderId)}/feedback`, undefined, signal),
    enabled,
    retry: (count, error) => !(isApiError(error) && (error.status === 403 || error.status === 404)) && count < 2,
  });
}

/** Every write answers the changed object; the lists and the order panel refetch. */
function useFeedbackWrite<V, R>(write: (vars: V) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      onDone?.(result);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
}

export function useRaiseFeedback(orderId: string) {
  return useFeedbackWrite((input: RaiseFeedbackInput) => api.post<Feedback>(`/work-orders/${seg(orderId)}/feedback`, input));
}

export function useFeedbackTransition(id: string) {
  const queryClient = useQueryClient();
  return useFeedbackWrite(
    (input: FeedbackTransitionInput) => api.post<Feedback>(`/feedback/${seg(id)}/transitions`, input),
    (f) => queryClient.setQueryData(feedbackKeys.detail(f.id), f),
  );
}

export function useAddFollowUp(orderId: string) {
  return useFeedbackWrite((input: { title: string; assigneeId?: string; dueAt?: string }) => api.post<FollowUp>(`/work-orders/${seg(orderId)}/follow-ups`, input));
}

export function useCompleteFollowUp() {
  return useFeedbackWrite(({ id, ...input }: { id: string; version: number; outcome: string }) => api.post<FollowUp>(`/follow-ups/${seg(id)}/complete`, input));
}

export function useFollowUps(scope: 'mine' | 'team', status: 'open' | 'done' | 'all') {
  return useCursorList(feedbackKeys.followUps(scope, status), (cursor, signal) =>
    api.get<Page<FollowUp>>('/follow-ups', { scope, status, cursor, limit: 50 }, signal),
  );
}

export function useDefectReport(filters: DefectReportFilters) {
  return useQuery({
    queryKey: feedbackKeys.report(filters),
    queryFn: ({ signal }) => api.get<DefectReport>('/feedback/defect-report', { ...filters }, signal),
  });
}

export function photoUrl(feedbackId: string, attachmentId: string) {
  return `${API_BASE}/feedback/${seg(feedbackId)}/photos/${seg(attachmentId)}`;
}

/** Downloads the defect report workbook, headers in the current UI language (sent as Accept-Language). */
export function downloadDefectReport(filters: DefectReportFilters) {
  return downloadFile('/feedback/defect-report.xlsx', { ...filters }, 'defect-report.xlsx');
}
