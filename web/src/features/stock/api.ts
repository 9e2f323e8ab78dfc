import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import type { LevelsPage, MovementFilters, OrderPartStep, OrderParts, Part, PartFilters, PartInput, StockLocation, StockMovement } from './types.ts';

export const stockKeys = {
  all: ['stock'] as const,
  parts: (filters: PartFilters) => ['stock', 'parts', filters] as const,
  locations: ['stock', 'locations'] as const,
  levels: (locationId: string | undefined, q: string | undefined) => ['stock', 'levels', locationId ?? '', q ?? ''] as const,
  myVan: ['stock', 'my-van'] as const,
  movements: (filters: MovementFilters) => ['stock', 'movements', filters] as const,
  /** With the order's state: a transition changes which steps are open. */
  orderParts: (orderId: string, state: string) => ['stock', 'order', orderId, state] as const,
};

export function useParts(filters: PartFilters) {
  return useCursorList(stockKeys.parts(filters), (cursor, signal) => api.get<Page<Part>>('/parts', { ...filters, cursor, limit: 25 }, signal));
}

export function searchParts(q: string, signal: AbortSignal) {
  return api.get<Page<Part>>('/parts', { q, limit: 20 }, signal);
}

/** Every stock write changes levels, the ledger and maybe an order's parts: refresh them all. */
function useStockWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: stockKeys.all }),
  });
}

export function useSavePart() {
  return useStockWrite(({ id, input }: { id?: string; input: PartInput & { version?: number } }) =>
    id ? api.patch<Part>(`/parts/${seg(id)}`, input) : api.post<Part>('/parts', input),
  );
}

export function useSetPartActive() {
  return useStockWrite(({ part, active }: { part: Part; active: boolean }) =>
    api.post<Part>(`/parts/${seg(part.id)}/${active ? 'reactivate' : 'deactivate'}`, { version: part.version }),
  );
}

export function useLocations(enabled = true) {
  return useQuery({
    queryKey: stockKeys.locations,
    queryFn: ({ signal }) => api.get<{ items: StockLocation[] }>('/stock/locations', undefined, signal),
    enabled,
  });
}

export function useLevels(locationId: string | undefined, q: string | undefined) {
  return useCursorList(stockKeys.levels(locationId, q), (cursor, signal) =>
    api.get<LevelsPage>('/stock/levels', { locationId, q, cursor, limit: 50 }, signal),
  );
}

export function useMyVan(enabled: boolean) {
  return useQuery({
    queryKey: stockKeys.myVan,
    queryFn: ({ signal }) => api.get<LevelsPage>('/stock/my-van', { limit: 100 }, signal),
    enabled,
  });
}

export function useMovements(filters: MovementFilters) {
  return useCursorList(stockKeys.movements(filters), (cursor, signal) =>
    api.get<Page<StockMovement>>('/stock/movements', { ...filters, cursor, limit: 25 }, signal),
  );
}

export function useReceive() {
  return useStockWrite((input: { partId: string; quantity: number; note?: string | null }) => api.post('/stock/receipts', input));
}

export function useAdjust() {
  return useStockWrite((input: { locationId: string; partId: string; delta: number; reason: string }) => api.post('/stock/adjustments', input));
}

export function useTransfer() {
  return useStockWrite((input: { partId: string; employeeId: string; quantity: number; note?: string | null }) => api.post('/stock/transfers', input));
}

export function useOrderParts(orderId: string, state: string, enabled: boolean) {
  return useQuery({
    queryKey: stockKeys.orderParts(orderId, state),
    queryFn: ({ signal }) => api.get<OrderParts>(`/work-orders/${seg(orderId)}/parts`, undefined, signal),
    enabled,
  });
}

export function useOrderPartStep(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, partId, quantity }: { step: OrderPartStep; partId: string; quantity: number }) =>
      api.post<OrderParts>(`/work-orders/${seg(orderId)}/parts/${step}`, { partId, quantity }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: stockKeys.all }),
  });
}
