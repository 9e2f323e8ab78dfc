import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import type {
  ChecklistTemplate,
  ItemResultInput,
  MaintenanceInput,
  OrderChecklists,
  OrderTools,
  TemplateInput,
  Tool,
  ToolFilters,
  ToolInput,
  ToolOption,
  ToolSummary,
  Visits,
  WorkType,
} from './types.ts';

export const siteWorkKeys = {
  tools: ['tools'] as const,
  toolList: (filters: ToolFilters) => ['tools', 'list', filters] as const,
  tool: (id: string) => ['tools', 'detail', id] as const,
  templates: (workType: WorkType | undefined, status: string) => ['checklist-templates', workType ?? 'all', status] as const,
  orderTools: (orderId: string) => ['work-orders', 'tools', orderId] as const,
  visits: (orderId: string) => ['work-orders', 'visits', orderId] as const,
  checklists: (orderId: string) => ['work-orders', 'checklists', orderId] as const,
};

// Tools register -----------------------------------------------------------------------------------

export function useTools(filters: ToolFilters) {
  return useCursorList(siteWorkKeys.toolList(filters), (cursor, signal) =>
    api.get<Page<ToolSummary>>('/tools', { ...filters, cursor, limit: 50 }, signal),
  );
}

export function useTool(id: string | null) {
  return useQuery({
    queryKey: siteWorkKeys.tool(id ?? ''),
    queryFn: ({ signal }) => api.get<Tool>(`/tools/${seg(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useToolWrite<V>(write: (vars: V) => Promise<Tool>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (tool) => {
      queryClient.setQueryData(siteWorkKeys.tool(tool.id), tool);
      void queryClient.invalidateQueries({ queryKey: ['tools', 'list'] });
    },
  });
}

export const useCreateTool = () => useToolWrite((input: ToolInput) => api.post<Tool>('/tools', input));
export const useUpdateTool = (id: string) => useToolWrite((input: Partial<ToolInput> & { version: number }) => api.patch<Tool>(`/tools/${seg(id)}`, input));
export const useLogMaintenance = (id: string) => useToolWrite((input: MaintenanceInput) => api.post<Tool>(`/tools/${seg(id)}/maintenance`, input));

// Checklist templates -----------------------------------------------------------------------------

export function useTemplates(workType: WorkType | undefined, status: 'active' | 'inactive' | 'all') {
  return useQuery({
    queryKey: siteWorkKeys.templates(workType, status),
    queryFn: ({ signal }) => api.get<{ items: ChecklistTemplate[] }>('/checklist-templates', { workType, status }, signal),
  });
}

function useTemplateWrite<V>(write: (vars: V) => Promise<ChecklistTemplate>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['checklist-templates'] }),
  });
}

export const useCreateTemplate = () => useTemplateWrite((input: TemplateInput) => api.post<ChecklistTemplate>('/checklist-templates', input));
export const useUpdateTemplate = (id: string) =>
  useTemplateWrite((input: Partial<TemplateInput> & { version: number }) => api.patch<ChecklistTemplate>(`/checklist-templates/${seg(id)}`, input));
export const useSetTemplateActive = () =>
  useTemplateWrite(({ id, version, active }: { id: string; version: number; active: boolean }) =>
    api.post<ChecklistTemplate>(`/checklist-templates/${seg(id)}/${active ? 'activate' : 'deactivate'}`, { version }),
  );

// An order's visit, tools and checklists ---------------------------------------------------------------

export function useOrderVisits(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: siteWorkKeys.visits(orderId),
    queryFn: ({ signal }) => api.get<Visits>(`/work-orders/${seg(orderId)}/visits`, undefined, signal),
    enabled,
  });
}

/** Checking out of the open visit, or in again for a return visit: both answer the order's visits. */
export function useVisitStep(orderId: string, step: 'check-in' | 'check-out') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (location: { latitude: number; longitude: number; accuracyMeters?: number } | undefined) =>
      api.post<Visits>(`/work-orders/${seg(orderId)}/visits/${step}`, location ? { location } : {}),
    onSuccess: (visits) => queryClient.setQueryData(siteWorkKeys.visits(orderId), visits),
  });
}

export function useOrderTools(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: siteWorkKeys.orderTools(orderId),
    queryFn: ({ signal }) => api.get<OrderTools>(`/work-orders/${seg(orderId)}/tools`, undefined, signal),
    enabled,
  });
}

export function searchToolOptions(orderId: string, q: string, signal: AbortSignal) {
  return api.get<{ items: ToolOption[] }>(`/work-orders/${seg(orderId)}/tools/options`, { q }, signal);
}

export function useOrderToolWrite(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ toolId, remove }: { toolId: string; remove?: boolean }) =>
      remove
        ? api.delete<OrderTools>(`/work-orders/${seg(orderId)}/tools/${seg(toolId)}`)
        : api.post<OrderTools>(`/work-orders/${seg(orderId)}/tools`, { toolId }),
    onSuccess: (tools) => queryClient.setQueryData(siteWorkKeys.orderTools(orderId), tools),
  });
}

export function useOrderChecklists(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: siteWorkKeys.checklists(orderId),
    queryFn: ({ signal }) => api.get<OrderChecklists>(`/work-orders/${seg(orderId)}/checklists`, undefined, signal),
    enabled,
  });
}

export function useRecordItem(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ checklistId, itemKey, input }: { checklistId: string; itemKey: string; input: ItemResultInput }) =>
      api.put<OrderChecklists>(`/work-orders/${seg(orderId)}/checklists/${seg(checklistId)}/items/${seg(itemKey)}`, input),
    onSuccess: (lists) => queryClient.setQueryData(siteWorkKeys.checklists(orderId), lists),
  });
}
