import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, seg } from '../../api/client.ts';
import type { Items, Team } from '../../api/types.ts';
import { appraisalKeys } from './api.ts';
import type {
  ArrivalExcuse,
  DevelopmentAction,
  ExcellentEntry,
  ExcuseReason,
  GrowthKind,
  GrowthRecord,
  PayCoefficient,
  Template,
  TemplateItem,
} from './types.ts';

// The appraisal records (issue 6): forms, growth records, excused arrivals and the results
// applied (P5.4), as HR and supervisors keep them. Periods and results live in api.ts.

export interface GrowthFilters {
  from: string;
  to: string;
  teamId?: string;
  employeeId?: string;
}

export interface ExcuseFilters {
  from: string;
  to: string;
  teamId?: string;
}

export interface DevelopmentFilters {
  employeeId?: string;
  status?: DevelopmentAction['status'];
}

export const hrKeys = {
  all: ['appraisal-records'] as const,
  teams: ['appraisal-records', 'teams'] as const,
  templates: ['appraisal-records', 'templates'] as const,
  growth: (f: GrowthFilters) => ['appraisal-records', 'growth', f] as const,
  excuses: (f: ExcuseFilters) => ['appraisal-records', 'excuses', f] as const,
  excuse: (workOrderId: string) => ['appraisal-records', 'excuse', workOrderId] as const,
  pay: (period: string) => ['appraisal-records', 'pay', period] as const,
  excellent: (year: string) => ['appraisal-records', 'excellent', year] as const,
  development: (f: DevelopmentFilters) => ['appraisal-records', 'development', f] as const,
};

/** Either `[...]` or `{ items: [...] }`. */
function itemsOf<T>(answer: T[] | Items<T> | null | undefined): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

function list<T>(path: string, query?: Record<string, string | undefined>) {
  return async ({ signal }: { signal: AbortSignal }) => itemsOf(await api.get<T[] | Items<T>>(path, query, signal));
}

/** Not retried: refused (403), missing (404) or invalid (4xx) stays so. */
const noRetryOnClientError = (count: number, error: unknown) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2;

/** The active teams, for the filters. */
export function useAppraisalTeams() {
  return useQuery({
    queryKey: hrKeys.teams,
    queryFn: async ({ signal }) => {
      const teams = await api.get<Items<Team>>('/teams', undefined, signal);
      return teams.items.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name }));
    },
    staleTime: 5 * 60_000,
  });
}

/** Every records write: its lists refetch, and the results that read them. */
function useRecordsWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hrKeys.all });
      void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
    },
  });
}

// ---- forms (P5.3.1-2) ----------------------------------------------------

export function useTemplates() {
  return useQuery({ queryKey: hrKeys.templates, queryFn: list<Template>('/appraisal/templates') });
}

export interface TemplateInput {
  kind: Template['kind'];
  name: string;
  items: TemplateItem[];
  version: number;
}

export function useSaveTemplate() {
  return useRecordsWrite(({ kind, ...body }: TemplateInput) => api.put<Template>(`/appraisal/templates/${seg(kind)}`, body));
}

// ---- growth records (P5.1.4) ---------------------------------------------

export function useGrowth(filters: GrowthFilters) {
  return useQuery({ queryKey: hrKeys.growth(filters), queryFn: list<GrowthRecord>('/appraisal/growth', { ...filters }), retry: noRetryOnClientError });
}

export interface GrowthInput {
  employeeId: string;
  kind: GrowthKind;
  occurredOn: string;
  title: string;
  hours?: number;
  score?: number;
  passed?: boolean;
  accepted?: boolean;
  note?: string | null;
}

export function useAddGrowth() {
  return useRecordsWrite((input: GrowthInput) => api.post<GrowthRecord>('/appraisal/growth', input));
}

export function useDeleteGrowth() {
  return useRecordsWrite((id: string) => api.delete<void>(`/appraisal/growth/${seg(id)}`));
}

// ---- excused arrivals (P5.1.2) -------------------------------------------

export function useExcuses(filters: ExcuseFilters) {
  return useQuery({ queryKey: hrKeys.excuses(filters), queryFn: list<ArrivalExcuse>('/appraisal/excuses', { ...filters }), retry: noRetryOnClientError });
}

/** The order's excuse, or null when none is recorded (404). */
export function useExcuse(workOrderId: string, enabled: boolean) {
  return useQuery({
    queryKey: hrKeys.excuse(workOrderId),
    queryFn: async ({ signal }): Promise<ArrivalExcuse | null> => {
      try {
        return await api.get<ArrivalExcuse>(`/appraisal/excuses/${seg(workOrderId)}`, undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    retry: noRetryOnClientError,
  });
}

export interface ExcuseInput {
  reason: ExcuseReason;
  evidence: string;
  attachmentId?: string | null;
}

export function useSaveExcuse(workOrderId: string) {
  return useRecordsWrite((input: ExcuseInput) => api.put<ArrivalExcuse>(`/appraisal/excuses/${seg(workOrderId)}`, input));
}

export function useDeleteExcuse(workOrderId: string) {
  return useRecordsWrite(() => api.delete<void>(`/appraisal/excuses/${seg(workOrderId)}`));
}

// ---- results applied (P5.4) ----------------------------------------------

/** P5.4.1, P7.1.2: each graded result of a published month with its performance-pay coefficient. */
export function usePayCoefficients(period: string | undefined) {
  return useQuery({
    queryKey: hrKeys.pay(period ?? ''),
    queryFn: list<PayCoefficient>('/appraisal/pay-coefficients', { period }),
    enabled: Boolean(period),
    retry: noRetryOnClientError,
  });
}

/** P5.4.2: the year's excellent list, eligible for promotion and a raise. */
export function useExcellent(year: string | undefined) {
  return useQuery({
    queryKey: hrKeys.excellent(year ?? ''),
    queryFn: list<ExcellentEntry>('/appraisal/excellent', { year }),
    enabled: Boolean(year),
    retry: noRetryOnClientError,
  });
}

/** P5.4.3: development actions from the weakest indicators. */
export function useDevelopmentActions(filters: DevelopmentFilters) {
  return useQuery({ queryKey: hrKeys.development(filters), queryFn: list<DevelopmentAction>('/appraisal/development-actions', { ...filters }) });
}

export function useFulfilAction() {
  return useRecordsWrite(({ id, ...body }: { id: string; version: number; status: 'done' | 'cancelled'; note: string }) =>
    api.post<DevelopmentAction>(`/appraisal/development-actions/${seg(id)}/fulfil`, body),
  );
}
