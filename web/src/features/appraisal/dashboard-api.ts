import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, downloadFile } from '../../api/client.ts';
import type {
  dashboardOptionsView,
  distributionView,
  orderLineView,
  ordersView,
  rankingRowView,
  rankingView,
  trendsView,
} from '../../../../server/modules/appraisal/dashboard.ts';
import type { IndicatorKey } from './types.ts';

// The appraisal dashboards' API (issue 6 point 6). Types are inferred from the server's zod
// shapes (type-only: nothing of the server reaches the bundle).

export type DashboardOptions = z.infer<typeof dashboardOptionsView>;
export type Trends = z.infer<typeof trendsView>;
export type TrendStat = Trends['months'][number]['indicators'][number]['company'];
export type Distribution = z.infer<typeof distributionView>;
export type Ranking = z.infer<typeof rankingView>;
export type RankingRow = z.infer<typeof rankingRowView>;
export type Orders = z.infer<typeof ordersView>;
export type OrderLine = z.infer<typeof orderLineView>;

/** What a drill-down shows: one period's records behind an indicator, narrowed to a team, a technician or a grade. */
export interface OrdersFilter {
  periodId: string;
  indicator: IndicatorKey;
  teamId?: string;
  employeeId?: string;
  grade?: string;
}

export const dashboardKeys = {
  all: ['appraisal-dashboard'] as const,
  options: ['appraisal-dashboard', 'options'] as const,
  trends: (from: string, to: string, teamId?: string) => ['appraisal-dashboard', 'trends', from, to, teamId ?? null] as const,
  distribution: (periodId: string, teamId?: string) => ['appraisal-dashboard', 'distribution', periodId, teamId ?? null] as const,
  ranking: (periodId: string, indicator?: IndicatorKey, teamId?: string) => ['appraisal-dashboard', 'ranking', periodId, indicator ?? null, teamId ?? null] as const,
  orders: (f: OrdersFilter) => ['appraisal-dashboard', 'orders', f] as const,
};

export function useDashboardOptions() {
  return useQuery({
    queryKey: dashboardKeys.options,
    queryFn: ({ signal }) => api.get<DashboardOptions>('/appraisal/dashboard/options', undefined, signal),
    staleTime: 60_000,
  });
}

export function useTrends(range: { from: string; to: string } | null, teamId?: string) {
  return useQuery({
    queryKey: dashboardKeys.trends(range?.from ?? '', range?.to ?? '', teamId),
    queryFn: ({ signal }) => api.get<Trends>('/appraisal/dashboard/trends', { from: range?.from, to: range?.to, teamId }, signal),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDistribution(periodId: string | undefined, teamId?: string) {
  return useQuery({
    queryKey: dashboardKeys.distribution(periodId ?? '', teamId),
    queryFn: ({ signal }) => api.get<Distribution>('/appraisal/dashboard/distribution', { periodId, teamId }, signal),
    enabled: Boolean(periodId),
    placeholderData: keepPreviousData,
  });
}

export function useRanking(periodId: string | undefined, indicator: IndicatorKey | undefined, teamId?: string) {
  return useQuery({
    queryKey: dashboardKeys.ranking(periodId ?? '', indicator, teamId),
    queryFn: ({ signal }) => api.get<Ranking>('/appraisal/dashboard/ranking', { periodId, indicator, teamId }, signal),
    enabled: Boolean(periodId),
    placeholderData: keepPreviousData,
  });
}

export function useDashboardOrders(filter: OrdersFilter | null) {
  return useQuery({
    queryKey: dashboardKeys.orders(filter ?? { periodId: '', indicator: 'onTime' }),
    queryFn: ({ signal }) => api.get<Orders>('/appraisal/dashboard/orders', { ...filter }, signal),
    enabled: filter !== null,
  });
}

/** Downloads the period's workbook, headers in the current UI language (sent as Accept-Language). */
export function downloadDashboardExport(periodId: string, teamId?: string) {
  return downloadFile('/appraisal/dashboard/export', { periodId, teamId }, 'appraisal.xlsx');
}
