import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, seg } from '../../api/client.ts';
import type {
  CommentInput,
  Consultation,
  Page,
  PortalIntakeInput,
  SimilarCases,
  StaffIntakeInput,
  TransitionInput,
  WorkOrder,
  WorkOrderFilters,
  WorkOrderSummary,
} from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import '../../locales/workOrders.ts';

export const workOrderKeys = {
  all: ['work-orders'] as const,
  list: (filters: WorkOrderFilters) => ['work-orders', 'list', filters] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
  consultations: (id: string) => ['work-orders', 'consultations', id] as const,
  similar: (id: string) => ['work-orders', 'similar', id] as const,
};

/** The download (and image) address of an order's attachment. */
export function attachmentUrl(orderId: string, attachmentId: string): string {
  return `/api/v1/work-orders/${seg(orderId)}/attachments/${seg(attachmentId)}`;
}

export function useWorkOrders(filters: WorkOrderFilters, options: { enabled?: boolean; limit?: number } = {}) {
  return useCursorList(
    workOrderKeys.list(filters),
    (cursor, signal) => api.get<Page<WorkOrderSummary>>('/work-orders', { ...filters, cursor, limit: options.limit ?? 25 }, signal),
    { enabled: options.enabled },
  );
}

export function useWorkOrder(id: string) {
  return useQuery({
    queryKey: workOrderKeys.detail(id),
    queryFn: ({ signal }) => api.get<WorkOrder>(`/work-orders/${seg(id)}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Every order write answers the whole order: it replaces the cached one; lists are read again. */
function useOrderWrite<V>(write: (vars: V) => Promise<WorkOrder>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (order) => {
      queryClient.setQueryData(workOrderKeys.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: ['work-orders', 'list'] });
    },
  });
}

export function useCreateWorkOrder() {
  return useOrderWrite((input: StaffIntakeInput) => api.post<WorkOrder>('/work-orders', input));
}

export function useReportFault() {
  return useOrderWrite((input: PortalIntakeInput) => api.post<WorkOrder>('/portal/work-orders', input));
}

export function useTransition() {
  return useOrderWrite(({ id, ...input }: TransitionInput & { id: string }) => api.post<WorkOrder>(`/work-orders/${seg(id)}/transitions`, input));
}

export function useAddComment(id: string) {
  return useOrderWrite((input: CommentInput) => api.post<WorkOrder>(`/work-orders/${seg(id)}/comments`, input));
}

/** A route another module is still adding answers 404: the section is then left out. */
export const isMissingRoute = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 501);

/** Either `[...]` or `{ items: [...] }`. */
function itemsOf<T>(answer: T[] | { items: T[] } | null | undefined): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

export function useConsultations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.consultations(id),
    queryFn: async ({ signal }) =>
      itemsOf(await api.get<Consultation[] | { items: Consultation[] }>(`/work-orders/${seg(id)}/consultations`, undefined, signal)),
    enabled,
  });
}

/** A consultation write; the consultations (and the order, whose solution may follow) are read again. */
export function useConsultationWrite<V>(orderId: string, write: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.consultations(orderId) });
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orderId) });
    },
  });
}

export const consultationApi = {
  open: (orderId: string, input: { topic: string; inviteeIds: string[] }) => api.post<Consultation>(`/work-orders/${seg(orderId)}/consultations`, input),
  join: (cid: string) => api.post<Consultation>(`/consultations/${seg(cid)}/join`),
  invite: (cid: string, inviteeIds: string[]) => api.post<Consultation>(`/consultations/${seg(cid)}/invite`, { inviteeIds }),
  message: (cid: string, input: { body: string; parentId?: string | null; mentions?: string[] }) =>
    api.post<Consultation>(`/consultations/${seg(cid)}/messages`, input),
  agree: (cid: string, input: { solution: string; version: number }) => api.post<Consultation>(`/consultations/${seg(cid)}/agree`, input),
};

export function useSimilarCases(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.similar(id),
    queryFn: ({ signal }) => api.get<SimilarCases>(`/work-orders/${seg(id)}/similar`, undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

