import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { API_BASE, api, seg } from '../../api/client.ts';
import type { Board, BoardOrder, CandidatesAnswer, DispatchPlan, TeamRef } from './types.ts';

// The dispatch board's calls (issue 5): teams, the board of a team and day, candidates for an
// order, assigning, and the day plans (plan, move, insert urgently, accept, discard).

export const dispatchKeys = {
  all: ['dispatch'] as const,
  teams: ['dispatch', 'teams'] as const,
  boards: ['dispatch', 'board'] as const,
  board: (teamId: string, day: string) => ['dispatch', 'board', teamId, day] as const,
  candidates: (orderId: string, day: string) => ['dispatch', 'candidates', orderId, day] as const,
};

/** Either `[...]` or `{ items: [...] }`. */
function itemsOf<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export function useDispatchTeams() {
  return useQuery({
    queryKey: dispatchKeys.teams,
    queryFn: async ({ signal }) => itemsOf(await api.get<TeamRef[] | { items: TeamRef[] }>('/dispatch/teams', undefined, signal)),
    staleTime: 5 * 60_000,
  });
}

export function useBoard(teamId: string | undefined, day: string) {
  return useQuery({
    queryKey: dispatchKeys.board(teamId ?? '', day),
    queryFn: ({ signal }) => api.get<Board>(`/dispatch/teams/${seg(teamId!)}/board`, { day }, signal),
    enabled: Boolean(teamId),
    placeholderData: (previous, query) => (query?.queryKey[2] === teamId ? previous : undefined),
  });
}

export function useCandidates(orderId: string | null, day: string) {
  return useQuery({
    queryKey: dispatchKeys.candidates(orderId ?? '', day),
    queryFn: ({ signal }) => api.get<CandidatesAnswer>(`/dispatch/orders/${seg(orderId!)}/candidates`, { day }, signal),
    enabled: Boolean(orderId),
  });
}

/**
 * A write on the board: a plan answered replaces the board's plan at once (so the screen does
 * not wait for the reload); then the boards and the candidates are read again.
 */
function useBoardWrite<V, R>(write: (vars: V) => Promise<R>, board?: { teamId: string; day: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (answer) => {
      if (board && isPlan(answer) && answer.status !== 'discarded') {
        queryClient.setQueryData<Board>(dispatchKeys.board(board.teamId, board.day), (old) => (old ? { ...old, plan: answer } : old));
      }
      void queryClient.invalidateQueries({ queryKey: dispatchKeys.boards });
      void queryClient.invalidateQueries({ queryKey: ['dispatch', 'candidates'] });
    },
  });
}

function isPlan(x: unknown): x is DispatchPlan {
  return typeof x === 'object' && x !== null && 'routes' in x && 'summary' in x;
}

export function usePlanDay(teamId: string, day: string) {
  return useBoardWrite(() => api.post<DispatchPlan>(`/dispatch/teams/${seg(teamId)}/plans`, { day }), { teamId, day });
}

export function useMoveInPlan(teamId: string, day: string) {
  return useBoardWrite(
    ({ plan, ...body }: { plan: DispatchPlan; orderId: string; technicianId: string | null; position: number }) =>
      api.post<DispatchPlan>(`/dispatch/plans/${seg(plan.id)}/moves`, { ...body, version: plan.version }),
    { teamId, day },
  );
}

export function useInsertUrgently(teamId: string, day: string) {
  return useBoardWrite(
    ({ plan, orderId }: { plan: DispatchPlan; orderId: string }) => api.post<DispatchPlan>(`/dispatch/plans/${seg(plan.id)}/urgent`, { orderId, version: plan.version }),
    { teamId, day },
  );
}

export function useClosePlan(teamId: string, day: string) {
  return useBoardWrite(
    ({ plan, step }: { plan: DispatchPlan; step: 'accept' | 'discard' }) => api.post<DispatchPlan>(`/dispatch/plans/${seg(plan.id)}/${step}`, { version: plan.version }),
    { teamId, day },
  );
}

export function useAssign() {
  return useBoardWrite(({ order, technicianId }: { order: Pick<BoardOrder, 'id' | 'version'>; technicianId: string }) =>
    api.post<BoardOrder>(`/dispatch/orders/${seg(order.id)}/assign`, { technicianId, version: order.version }),
  );
}

export function useSaveRequirement() {
  return useBoardWrite(
    ({ order, ...body }: { order: Pick<BoardOrder, 'id' | 'version'>; requiredSkill: string | null; requiredSkillLevel: number; serviceMinutes: number }) =>
      api.patch<BoardOrder>(`/dispatch/orders/${seg(order.id)}/requirement`, { ...body, version: order.version }),
  );
}

/**
 * Live updates (issue 5 point 6): the server streams an event whenever an order or a plan of
 * the team changes; each one reads the board again (a burst reads it once). Closed when the
 * team changes or the board is left.
 */
export function useBoardEvents(teamId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!teamId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/dispatch/events?teamId=${encodeURIComponent(teamId)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.onmessage = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: dispatchKeys.boards });
        void queryClient.invalidateQueries({ queryKey: ['dispatch', 'candidates'] });
      }, 250);
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [teamId, queryClient]);
}
