import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/time.ts';
import { minutesLate } from './helpers.ts';

/** Arrival against its deadline (company time zone), with how late it was. */
export function ArrivalCell({ arrivedAt, dueAt }: { arrivedAt: string | null; dueAt: string | null }) {
  const { t } = useTranslation();
  const late = minutesLate(arrivedAt, dueAt);
  return (
    <Space vertical size={0}>
      <span>{t('appraisalHr.excuses.arrived', { at: arrivedAt ? formatInstant(arrivedAt) : '—' })}</span>
      <Typography.Text type="secondary">{t('appraisalHr.excuses.due', { at: dueAt ? formatInstant(dueAt) : '—' })}</Typography.Text>
      {late !== null && late > 0 ? <Tag color="orange">{t('appraisalHr.excuses.lateBy', { n: late })}</Tag> : null}
    </Space>
  );
}
