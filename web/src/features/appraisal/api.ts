import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, seg } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import type { AppealListItem, Explain, IndicatorKey, Period, PeriodEvent, ResultDetail, ResultStatus, ResultSummary } from './types.ts';

// The appraisal API (issue 6) as TanStack queries and mutations. The HR screens import these
// names too. Every write answers the changed object; then everything under appraisalKeys.all
// is read again (a review changes the queue, the period's counts and the result alike).

export interface ResultFilters {
  periodId?: string;
  teamId?: string;
  employeeId?: string;
  status?: ResultStatus;
}

export const appraisalKeys = {
  all: ['appraisal'] as const,
  periods: ['appraisal', 'periods'] as const,
  period: (id: string) => ['appraisal', 'period', id] as const,
  periodEvents: (id: string) => ['appraisal', 'period', id, 'events'] as const,
  results: (filters: ResultFilters) => ['appraisal', 'results', filters] as const,
  result: (id: string) => ['appraisal', 'result', id] as const,
  explain: (resultId: string, indicator: string) => ['appraisal', 'result', resultId, 'explain', indicator] as const,
  appeals: (status: string) => ['appraisal', 'appeals', status] as const,
};

/** Either `[...]` (the contract) or `{ items: [...] }`. */
function itemsOf<T>(answer: T[] | Items<T> | null | undefined): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

/** A refusal (403/404) is an answer, not a hiccup: do not retry it. */
const retryUnlessRefused = (count: number, error: unknown) => !(isApiError(error) && (error.status === 403 || error.status === 404)) && count < 2;

export function usePeriods() {
  return useQuery({
    queryKey: appraisalKeys.periods,
    queryFn: async ({ signal }) => itemsOf(await api.get<Period[] | Items<Period>>('/appraisal/periods', undefined, signal)),
    retry: retryUnlessRefused,
  });
}

export function usePeriod(id: string | null | undefined) {
  return useQuery({
    queryKey: appraisalKeys.period(id ?? ''),
    queryFn: ({ signal }) => api.get<Period>(`/appraisal/periods/${seg(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    retry: retryUnlessRefused,
  });
}

export function usePeriodEvents(id: string | null | undefined) {
  return useQuery({
    queryKey: appraisalKeys.periodEvents(id ?? ''),
    queryFn: async ({ signal }) => itemsOf(await api.get<PeriodEvent[] | Items<PeriodEvent>>(`/appraisal/periods/${seg(id ?? '')}/events`, undefined, signal)),
    enabled: Boolean(id),
    retry: retryUnlessRefused,
  });
}

/** Results the caller may see (their own, their teams', or all), narrowed by the filters. */
export function useResults(filters: ResultFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: appraisalKeys.results(filters),
    queryFn: async ({ signal }) => itemsOf(await api.get<ResultSummary[] | Items<ResultSummary>>('/appraisal/results', { ...filters }, signal)),
    enabled: options.enabled ?? true,
    retry: retryUnlessRefused,
  });
}

export function useResult(id: string | null | undefined) {
  return useQuery({
    queryKey: appraisalKeys.result(id ?? ''),
    queryFn: ({ signal }) => api.get<ResultDetail>(`/appraisal/results/${seg(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    retry: retryUnlessRefused,
  });
}

/** What lies behind one indicator of a result: the orders, ratings or records, the formula and the policy. */
export function useExplain(resultId: string | null | undefined, indicator: IndicatorKey | null | undefined) {
  return useQuery({
    queryKey: appraisalKeys.explain(resultId ?? '', indicator ?? ''),
    queryFn: ({ signal }) => api.get<Explain>(`/appraisal/results/${seg(resultId ?? '')}/explain/${seg(indicator ?? '')}`, undefined, signal),
    enabled: Boolean(resultId && indicator),
    retry: retryUnlessRefused,
  });
}

/** HR's list of appeals, open ones or answered ones (all when no status). */
export function useAppeals(status?: 'open' | 'answered') {
  return useQuery({
    queryKey: appraisalKeys.appeals(status ?? 'all'),
    queryFn: async ({ signal }) => itemsOf(await api.get<AppealListItem[] | Items<AppealListItem>>('/appraisal/appeals', { status }, signal)),
    retry: retryUnlessRefused,
  });
}

/** Reads everything of the appraisal again (after a stale write, say). */
export function useReloadAppraisal() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
}

/** Whether an answer is a result's detail (then the cache takes it at once). */
function isResultDetail(value: unknown): value is ResultDetail {
  return typeof value === 'object' && value !== null && 'id' in value && 'indicators' in value && 'abilities' in value;
}

function useAppraisalWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (answer) => {
      if (isResultDetail(answer)) queryClient.setQueryData(appraisalKeys.result(answer.id), answer);
      void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
    },
  });
}

export type Answers = Record<string, number | string>;

/** P5.3.1: the employee's own evaluation. */
export function useSubmitSelf() {
  return useAppraisalWrite(({ id, ...body }: { id: string; version: number; answers: Answers }) =>
    api.put<ResultDetail>(`/appraisal/results/${seg(id)}/self`, body),
  );
}

/** P5.3.2: the supervisor's evaluation with the teamwork rating (P5.1.5). */
export function useSubmitReview() {
  return useAppraisalWrite(({ id, ...body }: { id: string; version: number; answers: Answers; teamworkRating: number; comment?: string | null }) =>
    api.put<ResultDetail>(`/appraisal/results/${seg(id)}/review`, body),
  );
}

/** P5.3.4: HR sets the final score, with the reason kept. */
export function useCalibrate() {
  return useAppraisalWrite(({ id, ...body }: { id: string; version: number; score: number; reason: string }) =>
    api.post<ResultDetail>(`/appraisal/results/${seg(id)}/calibrate`, body),
  );
}

export function useAcknowledge() {
  return useAppraisalWrite(({ id, ...body }: { id: string; version: number }) => api.post<ResultDetail>(`/appraisal/results/${seg(id)}/acknowledge`, body));
}

export function useAppeal() {
  return useAppraisalWrite(({ id, ...body }: { id: string; version: number; reason: string }) => api.post<ResultDetail>(`/appraisal/results/${seg(id)}/appeal`, body));
}

/** HR answers the open appeal on a result (`id` is the result's). */
export function useAnswerAppeal() {
  return useAppraisalWrite(
    ({ id, ...body }: { id: string; version: number; outcome: 'upheld' | 'adjusted'; answer: string; score?: number }) =>
      api.post<ResultDetail>(`/appraisal/results/${seg(id)}/answer`, body),
  );
}

/** HR opens (claims and computes) a monthly or annual period: '2026-10' or '2026'. */
export function useOpenPeriod() {
  return useAppraisalWrite(({ label }: { label: string }) => api.post<Period>('/appraisal/periods', { label }));
}

export type PeriodAction = 'recompute' | 'publish' | 'close' | 'reopen';

/** A step on a period; reopening needs a reason. */
export function usePeriodAction() {
  return useAppraisalWrite(({ id, action, version, reason }: { id: string; action: PeriodAction; version: number; reason?: string }) =>
    api.post<Period>(`/appraisal/periods/${seg(id)}/${action}`, action === 'reopen' ? { version, reason } : { version }),
  );
}
