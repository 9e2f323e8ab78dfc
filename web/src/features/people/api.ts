import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { Employee, EmployeeFilters, EmployeeInput, Items, Page, Team } from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';

export const employeeKeys = {
  all: ['employees'] as const,
  list: (filters: EmployeeFilters) => ['employees', 'list', filters] as const,
  detail: (id: string) => ['employees', 'detail', id] as const,
};

export function useEmployees(filters: EmployeeFilters) {
  return useCursorList(employeeKeys.list(filters), (cursor, signal) =>
    api.get<Page<Employee>>('/employees', { ...filters, cursor, limit: 25 }, signal),
  );
}

export function useEmployee(id: string) {
  return useQuery({
    queryKey: employeeKeys.detail(id),
    queryFn: ({ signal }) => api.get<Employee>(`/employees/${seg(id)}`, undefined, signal),
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api.get<Items<Team>>('/teams', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** After a write: the answer replaces the cached record, and the lists are read again. */
function useEmployeeWrite<V>(write: (vars: V) => Promise<Employee>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (employee) => {
      queryClient.setQueryData(employeeKeys.detail(employee.id), employee);
      void queryClient.invalidateQueries({ queryKey: ['employees', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['picker', 'employees'] });
    },
  });
}

export function useCreateEmployee() {
  return useEmployeeWrite((input: EmployeeInput) => api.post<Employee>('/employees', input));
}

export function useUpdateEmployee(id: string) {
  return useEmployeeWrite((input: EmployeeInput & { version: number }) => api.patch<Employee>(`/employees/${seg(id)}`, input));
}

export function useDeactivateEmployee(id: string) {
  return useEmployeeWrite((input: { version: number; reason: string }) =>
    api.post<Employee>(`/employees/${seg(id)}/deactivate`, input),
  );
}

export function useReactivateEmployee(id: string) {
  return useEmployeeWrite((input: { version: number }) => api.post<Employee>(`/employees/${seg(id)}/reactivate`, input));
}
