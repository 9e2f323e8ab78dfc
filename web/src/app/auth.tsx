import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { api, configureClient, isApiError, request, setCsrfToken } from '../api/client.ts';
import type { Locale, Me, MeUser, Permission } from '../api/types.ts';
import { currentLocale, setLocale } from './i18n.ts';

export const ME_KEY = ['me'] as const;

interface AuthValue {
  /** The signed-in user, or null before sign-in. */
  user: MeUser | null;
  can: (permission: Permission) => boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Switch the UI language; remembered for the user when signed in. */
  changeLocale: (locale: Locale) => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('GET', '/auth/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Loads the session (GET /auth/me) and provides it; children render once it is known. */
export function AuthProvider({ children, fallback }: { children: ReactNode; fallback: (state: SessionState) => ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
  const user = me.data?.user ?? null;

  useEffect(() => {
    configureClient({
      onUnauthorized: () => {
        setCsrfToken(null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
        queryClient.setQueryData(ME_KEY, null);
      },
    });
  }, [queryClient]);

  // The signed-in user's language wins over the one remembered on the device.
  useEffect(() => {
    if (user && user.locale !== currentLocale()) void setLocale(user.locale);
  }, [user]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const answer = await request<Me>('POST', '/auth/sign-in', { body: { username, password }, quiet401: true });
      setCsrfToken(answer.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, answer);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await request<void>('POST', '/auth/sign-out', { quiet401: true });
    } finally {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, null);
    }
  }, [queryClient]);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      await setLocale(locale);
      if (!queryClient.getQueryData<Me | null>(ME_KEY)) return;
      const answer = await api.patch<Me>('/auth/me', { locale });
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(ME_KEY, answer);
    },
    [queryClient],
  );

  const value = useMemo<AuthValue>(
    () => ({
      user,
      can: (permission) => user?.permissions.includes(permission) ?? false,
      signIn,
      signOut,
      changeLocale,
    }),
    [user, signIn, signOut, changeLocale],
  );

  if (me.isPending) return fallback({ kind: 'loading' });
  if (me.isError) return fallback({ kind: 'error', error: me.error, retry: () => void me.refetch() });
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export type SessionState = { kind: 'loading' } | { kind: 'error'; error: unknown; retry: () => void };

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useUser(): MeUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
