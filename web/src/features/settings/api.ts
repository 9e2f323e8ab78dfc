import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { CalendarDay, CalendarDayKind, CalendarYear, Items, Setting, SettingVersionInput } from '../../api/types.ts';

export const COMPANY_TIME_ZONE_KEY = 'company.timeZone';
export const settingsKey = ['settings'] as const;

export function useSettings(enabled = true) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<Items<Setting>>('/settings', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useScheduleSetting(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingVersionInput) => api.post<Setting>(`/settings/${seg(key)}/versions`, input),
    onSuccess: (setting) => {
      queryClient.setQueryData<Items<Setting>>(settingsKey, (old) =>
        old ? { items: old.items.map((s) => (s.key === setting.key ? setting : s)) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: settingsKey });
    },
  });
}

// ---- holiday calendar (statutory holidays and make-up working days) --------

export const calendarKey = (year: number) => ['calendar-days', year] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: async ({ signal }) => {
      const answer = await api.get<CalendarYear | CalendarDay[]>('/calendar-days', { year }, signal);
      // an older draft of the API answered the bare list
      return Array.isArray(answer) ? { year, items: answer, abilities: {} } : answer;
    },
  });
}

export function useSaveCalendarDay(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, ...body }: { date: string; kind: CalendarDayKind; name: string; version?: number }) =>
      api.put<CalendarDay>(`/calendar-days/${seg(date)}`, body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: calendarKey(year) }),
  });
}

export function useDeleteCalendarDay(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.delete<void>(`/calendar-days/${seg(date)}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: calendarKey(year) }),
  });
}
