import { CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Setting, SettingVersion } from '../../api/types.ts';
import { formatInstant, todayInCompany } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { ScheduleSettingModal } from './ScheduleSettingModal.tsx';
import { SettingValueView } from './settingValue.tsx';

export function SettingCard({ setting }: { setting: Setting }) {
  const { t, i18n } = useTranslation();
  const mobile = useIsMobile();
  const [scheduling, setScheduling] = useState(false);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const label = setting.label[locale] || setting.label[other] || setting.key;
  const description = setting.description[locale] || setting.description[other];
  const value = (v: unknown) => <SettingValueView kind={setting.kind} value={v} />;
  const json = setting.kind === 'json';
  const today = todayInCompany();

  const versionColumns = [
    { title: t('settings.value'), key: 'value', render: (_: unknown, v: SettingVersion) => value(v.value) },
    {
      title: t('settings.effectiveFrom'),
      key: 'effectiveFrom',
      render: (_: unknown, v: SettingVersion) => (
        <>
          {v.effectiveFrom} {v.effectiveFrom > today ? <Tag color="gold">{t('settings.upcoming')}</Tag> : null}
        </>
      ),
    },
    { title: t('settings.setBy'), dataIndex: 'setByLabel', key: 'setByLabel' },
    { title: t('settings.setAt'), key: 'createdAt', render: (_: unknown, v: SettingVersion) => formatInstant(v.createdAt) },
    { title: t('common.reason'), dataIndex: 'reason', key: 'reason' },
  ];

  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      data-testid={`setting-${setting.key}`}
      title={
        <span>
          {label} <Typography.Text type="secondary" code style={{ fontWeight: 'normal', fontSize: 12 }}>{setting.key}</Typography.Text>
          {setting.clause ? <Tag style={{ marginInlineStart: 8 }}>{t('settings.clause', { clause: setting.clause })}</Tag> : null}
        </span>
      }
      extra={
        setting.abilities.update ? (
          <Button size="small" icon={<CalendarOutlined />} onClick={() => setScheduling(true)} data-testid="setting-schedule">
            {t('settings.schedule')}
          </Button>
        ) : null
      }
    >
      {description ? <Typography.Paragraph type="secondary">{description}</Typography.Paragraph> : null}
      <Descriptions column={json ? { xs: 1, sm: 1, lg: 3 } : { xs: 1, sm: 2, lg: 4 }} size="small">
        <Descriptions.Item label={t('settings.currentValue')} span={json ? 'filled' : undefined}>
          {json ? (
            <div data-testid="setting-current-value" style={{ width: '100%', minWidth: 0 }}>
              {value(setting.current?.value)}
            </div>
          ) : (
            <Typography.Text strong data-testid="setting-current-value">
              {value(setting.current?.value)}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.effectiveFrom')}>{setting.current?.effectiveFrom ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('settings.setBy')}>{setting.current?.setByLabel ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('common.reason')}>{setting.current?.reason ?? '—'}</Descriptions.Item>
      </Descriptions>
      {setting.upcoming.length > 0 ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('settings.upcoming')}</Typography.Text>
          {setting.upcoming.map((v) => (
            <div key={`${v.effectiveFrom}-${JSON.stringify(v.value)}`} style={{ marginTop: 4 }}>
              <Tag color="gold">{t('settings.fromDate', { date: v.effectiveFrom })}</Tag>
              {json ? value(v.value) : <Typography.Text strong>{value(v.value)}</Typography.Text>}{' '}
              <Typography.Text type="secondary">
                {v.setByLabel} · {v.reason}
              </Typography.Text>
            </div>
          ))}
        </div>
      ) : null}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'history',
            label: t('settings.historyN', { n: setting.history.length }),
            children: (
              <Table<SettingVersion>
                rowKey={(v) => `${v.effectiveFrom}-${v.createdAt ?? ''}-${v.reason}`}
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={setting.history}
                columns={versionColumns}
                locale={{ emptyText: t('settings.noHistory') }}
              />
            ),
          },
        ]}
      />
      {scheduling ? <ScheduleSettingModal setting={setting} label={label} onClose={() => setScheduling(false)} /> : null}
    </Card>
  );
}
