import { useMutation, useQuery } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { OrderAcceptance, SurveyInput, SurveyView } from './types.ts';

export const acceptanceKeys = {
  /** Keyed by the order's version too: any step of the order may change its acceptance. */
  order: (orderId: string, version: number) => ['acceptance', orderId, version] as const,
  survey: (token: string) => ['survey', token] as const,
};

export function useOrderAcceptance(orderId: string, version: number, enabled = true) {
  return useQuery({
    queryKey: acceptanceKeys.order(orderId, version),
    queryFn: ({ signal }) => api.get<OrderAcceptance>(`/work-orders/${seg(orderId)}/acceptance`, undefined, signal),
    enabled,
  });
}

export function useSurvey(token: string) {
  return useQuery({
    queryKey: acceptanceKeys.survey(token),
    queryFn: ({ signal }) => api.get<SurveyView>(`/surveys/${seg(token)}`, undefined, signal),
    retry: false,
  });
}

export function useSubmitSurvey(token: string) {
  return useMutation({ mutationFn: (input: SurveyInput) => api.post<{ ok: true }>(`/surveys/${seg(token)}`, input) });
}
