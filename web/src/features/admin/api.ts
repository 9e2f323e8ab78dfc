import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type {
  AdminUser,
  ApiToken,
  ApiTokenInput,
  IssuedApiToken,
  Items,
  Page,
  UserCreateInput,
  UserFilters,
  UserUpdateInput,
} from '../../api/types.ts';
import { useCursorList } from '../../components/useCursorList.ts';

export function useUsers(filters: UserFilters, enabled: boolean) {
  return useCursorList(
    ['users', 'list', filters],
    (cursor, signal) => api.get<Page<AdminUser>>('/users', { ...filters, cursor, limit: 50 }, signal),
    { enabled },
  );
}

function useUserWrite<V>(write: (vars: V) => Promise<AdminUser>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['picker', 'users'] });
    },
  });
}

export function useCreateUser() {
  return useUserWrite((input: UserCreateInput) => api.post<AdminUser>('/users', input));
}

export function useUpdateUser(id: string) {
  return useUserWrite((input: UserUpdateInput) => api.patch<AdminUser>(`/users/${seg(id)}`, input));
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (newPassword: string) => api.post<void>(`/users/${seg(id)}/reset-password`, { newPassword }),
  });
}

const tokensKey = ['api-tokens'] as const;

export function useApiTokens(enabled: boolean) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<Items<ApiToken>>('/api-tokens', undefined, signal),
    enabled,
  });
}

export function useIssueToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenInput) => api.post<IssuedApiToken>('/api-tokens', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiToken>(`/api-tokens/${seg(id)}/revoke`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
