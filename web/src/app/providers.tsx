import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { AuthProvider } from './auth.tsx';
import i18n from './i18n.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not change on retry; network and server errors might.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  return (
    <ConfigProvider locale={instance.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1668dc' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>
          <AuthProvider
            fallback={(state) =>
              state.kind === 'loading' ? (
                <PageSpinner fullScreen />
              ) : (
                <QueryError error={state.error} onRetry={state.retry} />
              )
            }
          >
            {children}
          </AuthProvider>
        </LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
