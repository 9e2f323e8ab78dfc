import { Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useSettings } from './api.ts';
import { SettingCard } from './SettingCard.tsx';

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.isPending ? (
        <PageSpinner />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data.items.length === 0 ? (
        <Empty />
      ) : (
        <Flex vertical gap={16}>
          {settings.data.items.map((s) => (
            <SettingCard key={s.key} setting={s} />
          ))}
        </Flex>
      )}
    </>
  );
}
