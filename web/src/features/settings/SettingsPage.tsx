import { Empty, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useSettings } from './api.ts';
import { HolidayCalendar } from './HolidayCalendar.tsx';
import { SettingCard } from './SettingCard.tsx';
import '../../locales/workOrders.ts';

function PolicySettings() {
  const settings = useSettings();
  if (settings.isPending) return <PageSpinner />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.data.items.length === 0) return <Empty />;
  return (
    <Flex vertical gap={16}>
      {settings.data.items.map((s) => (
        <SettingCard key={s.key} setting={s} />
      ))}
    </Flex>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const url = useUrlFilters();
  const tab = url.get('tab') === 'calendar' ? 'calendar' : 'policy';
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => url.set({ tab: key === 'calendar' ? 'calendar' : undefined, year: undefined })}
        destroyOnHidden
        items={[
          { key: 'policy', label: <span data-testid="settings-tab-policy">{t('settings.tabPolicy')}</span>, children: <PolicySettings /> },
          { key: 'calendar', label: <span data-testid="settings-tab-calendar">{t('settings.tabCalendar')}</span>, children: <HolidayCalendar /> },
        ]}
      />
    </>
  );
}
