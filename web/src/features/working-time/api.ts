import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { Employee, Items, Page, Team } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import type { LeaveRecord, ShiftRecord, TeamRef } from '../dispatch/types.ts';
import { TECHNICIAN_POSITIONS } from '../work-orders/TechnicianPicker.tsx';

export const workingTimeKeys = {
  all: ['working-time'] as const,
  teams: (dispatcher: boolean) => ['working-time', 'teams', dispatcher] as const,
  technicians: (teamId: string) => ['working-time', 'technicians', teamId] as const,
  shifts: (teamId: string, from: string, to: string) => ['working-time', 'shifts', teamId, from, to] as const,
  leave: (teamId: string, from: string, to: string) => ['working-time', 'leave', teamId, from, to] as const,
};

/** Either `[...]` or `{ items: [...] }`. */
function itemsOf<T>(answer: T[] | Items<T> | null | undefined): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

/**
 * The teams whose working time the caller keeps: a dispatcher's teams (a supervisor's own),
 * else (HR) every active team.
 */
export function useWorkingTimeTeams() {
  const { can } = useAuth();
  const dispatcher = can('work_orders.dispatch');
  return useQuery({
    queryKey: workingTimeKeys.teams(dispatcher),
    queryFn: async ({ signal }): Promise<TeamRef[]> => {
      if (dispatcher) return itemsOf(await api.get<TeamRef[] | Items<TeamRef>>('/dispatch/teams', undefined, signal));
      const teams = await api.get<Items<Team>>('/teams', undefined, signal);
      return teams.items.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name }));
    },
    staleTime: 5 * 60_000,
  });
}

/** The team's active technicians, by name. */
export function useTeamTechnicians(teamId: string | undefined) {
  return useQuery({
    queryKey: workingTimeKeys.technicians(teamId ?? ''),
    queryFn: async ({ signal }) => {
      const out: Employee[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Employee> = await api.get<Page<Employee>>('/employees', { teamId, status: 'active', limit: 100, cursor }, signal);
        out.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return out.filter((e) => TECHNICIAN_POSITIONS.includes(e.position)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },
    enabled: Boolean(teamId),
    staleTime: 60_000,
  });
}

export function useShifts(teamId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: workingTimeKeys.shifts(teamId ?? '', from, to),
    queryFn: async ({ signal }) =>
      itemsOf(await api.get<ShiftRecord[] | Items<ShiftRecord>>('/working-time/shifts', { teamId, from, to }, signal)),
    enabled: Boolean(teamId),
  });
}

export function useLeave(teamId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: workingTimeKeys.leave(teamId ?? '', from, to),
    queryFn: async ({ signal }) => itemsOf(await api.get<LeaveRecord[] | Items<LeaveRecord>>('/working-time/leave', { teamId, from, to }, signal)),
    enabled: Boolean(teamId),
  });
}

export interface ShiftInput {
  off: boolean;
  startsAt: string | null;
  endsAt: string | null;
  startsFrom: 'home' | 'office';
  endsAtPlace: 'home' | 'office';
  version?: number;
}

export interface LeaveInput {
  employeeId: string;
  kind: LeaveRecord['kind'];
  startsAt: string;
  endsAt: string;
  note?: string | null;
}

/** Every working-time write changes the grid (and what the dispatch board reads): read them again. */
function useWorkingTimeWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['working-time', 'shifts'] });
      void queryClient.invalidateQueries({ queryKey: ['working-time', 'leave'] });
      void queryClient.invalidateQueries({ queryKey: ['dispatch'] });
    },
  });
}

export function useSaveShift() {
  return useWorkingTimeWrite(({ employeeId, day, input }: { employeeId: string; day: string; input: ShiftInput }) =>
    api.put<ShiftRecord>(`/working-time/shifts/${seg(employeeId)}/${seg(day)}`, input),
  );
}

export function useClearShift() {
  return useWorkingTimeWrite(({ employeeId, day }: { employeeId: string; day: string }) =>
    api.delete<void>(`/working-time/shifts/${seg(employeeId)}/${seg(day)}`),
  );
}

export function useAddLeave() {
  return useWorkingTimeWrite((input: LeaveInput) => api.post<LeaveRecord>('/working-time/leave', input));
}

export function useDeleteLeave() {
  return useWorkingTimeWrite((id: string) => api.delete<void>(`/working-time/leave/${seg(id)}`));
}
