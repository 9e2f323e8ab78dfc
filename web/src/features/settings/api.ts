import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { Items, Setting, SettingVersionInput } from '../../api/types.ts';

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
