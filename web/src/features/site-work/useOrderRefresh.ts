import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/** Reads a panel's data again when the order moves (a transition answers only the order itself). */
export function useOrderRefresh(queryKey: QueryKey, orderVersion: number) {
  const queryClient = useQueryClient();
  const seen = useRef(orderVersion);
  useEffect(() => {
    if (seen.current === orderVersion) return;
    seen.current = orderVersion;
    void queryClient.invalidateQueries({ queryKey });
  }, [queryClient, queryKey, orderVersion]);
}

/** Order states in which the technician has been on site (or is there). */
export const VISITED_STATES = ['on_site', 'work_done', 'customer_accepted', 'closed', 'on_hold'] as const;
