import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { TokensTab } from './TokensTab.tsx';
import { UsersTab } from './UsersTab.tsx';

export default function UsersAndTokensPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const url = useUrlFilters();
  const tabs = [
    ...(can('users.manage')
      ? [{ key: 'users', label: <span data-testid="tab-users">{t('users.tabUsers')}</span>, children: <UsersTab /> }]
      : []),
    ...(can('api_tokens.manage')
      ? [{ key: 'tokens', label: <span data-testid="tab-tokens">{t('users.tabTokens')}</span>, children: <TokensTab /> }]
      : []),
  ];
  const requested = url.get('tab');
  const active = tabs.some((tab) => tab.key === requested) ? requested : tabs[0]?.key;
  return (
    <>
      <PageHeader title={t('users.title')} />
      <Tabs activeKey={active} onChange={(tab) => url.set({ tab, q: undefined, role: undefined })} items={tabs} destroyOnHidden />
    </>
  );
}
