import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { FaultCode, FaultCodeInput, ReportDraft, ServiceReport } from './types.ts';

export const reportKeys = {
  report: (orderId: string) => ['reports', 'order', orderId] as const,
  faultCodes: (active: boolean) => ['reports', 'fault-codes', active] as const,
  allFaultCodes: ['reports', 'fault-codes'] as const,
};

/** The PDF of an order's report (stored, or rendered in `locale` on demand). */
export function reportPdfUrl(orderId: string, locale?: 'zh-CN' | 'en'): string {
  return `/api/v1/work-orders/${seg(orderId)}/report.pdf${locale ? `?locale=${locale}` : ''}`;
}

export function useReport(orderId: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(orderId),
    queryFn: ({ signal }) => api.get<ServiceReport>(`/work-orders/${seg(orderId)}/report`, undefined, signal),
    enabled,
    retry: false,
  });
}

function useReportWrite<V, R>(orderId: string, write: (vars: V) => Promise<R>, pick: (r: R) => ServiceReport) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      queryClient.setQueryData(reportKeys.report(orderId), pick(result));
      // Filing adds the PDF to the order's attachments.
      void queryClient.invalidateQueries({ queryKey: ['work-orders', 'detail', orderId] });
    },
  });
}

export function useSaveReport(orderId: string) {
  return useReportWrite(orderId, (draft: ReportDraft) => api.put<ServiceReport>(`/work-orders/${seg(orderId)}/report`, draft), (r) => r);
}

export function useFileReport(orderId: string) {
  return useReportWrite(orderId, (version: number) => api.post<ServiceReport>(`/work-orders/${seg(orderId)}/report/file`, { version }), (r) => r);
}

export type RenderResult = { report: ServiceReport; changed: boolean; sent: boolean };

export function useRenderReport(orderId: string) {
  return useReportWrite(orderId, () => api.post<RenderResult>(`/work-orders/${seg(orderId)}/report/render`, {}), (r) => r.report);
}

export function useFaultCodes(activeOnly: boolean) {
  return useQuery({
    queryKey: reportKeys.faultCodes(activeOnly),
    queryFn: ({ signal }) => api.get<{ items: FaultCode[] }>('/fault-codes', activeOnly ? { active: 'true' } : undefined, signal),
    staleTime: 5 * 60_000,
  });
}

function useFaultCodeWrite<V>(write: (vars: V) => Promise<FaultCode>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.allFaultCodes }),
  });
}

export const useCreateFaultCode = () => useFaultCodeWrite((input: FaultCodeInput) => api.post<FaultCode>('/fault-codes', input));
export const useUpdateFaultCode = () =>
  useFaultCodeWrite(({ code, ...input }: Partial<FaultCodeInput> & { code: string; version: number }) => api.patch<FaultCode>(`/fault-codes/${seg(code)}`, input));
export const useSetFaultCodeActive = () =>
  useFaultCodeWrite(({ code, version, active }: { code: string; version: number; active: boolean }) =>
    api.post<FaultCode>(`/fault-codes/${seg(code)}/${active ? 'reactivate' : 'deactivate'}`, { version }),
  );
