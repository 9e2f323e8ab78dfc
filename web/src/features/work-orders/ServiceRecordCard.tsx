import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, List, Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client.ts';
import type { Locale, WoState, WorkOrder } from '../../api/types.ts';
import { currentLocale } from '../../app/i18n.ts';
import { formatInstant } from '../../lib/time.ts';
import { workOrderKeys } from './api.ts';

type Gap =
  | { kind: 'report' | 'acceptance' }
  | { kind: 'checklist_item'; checklistId: string; itemKey: string; label: Record<Locale, string> }
  | { kind: 'follow_up'; followUpId: string; title: string; dueAt: string };

export interface ServiceRecord {
  arrival: {
    arrivedAt: string | null;
    dueAt: string | null;
    status: 'on_time' | 'late' | 'not_arrived' | 'no_deadline';
    minutes: number | null;
    checkInDistanceMeters: number | null;
    withinRadius: boolean | null;
  };
  resolution: { resolvedAt: string | null; dueAt: string | null; reopenCount: number };
  rating: { rating: number; source: 'on_site' | 'portal' | 'survey'; ratedAt: string } | null;
  consultationParticipants: { employeeId: string; name: string; role: 'owner' | 'invited'; contributed: boolean }[];
  toClose: Gap[];
}

/** From arrival on: the record the appraisal will read, and what is left before the order closes. */
const SHOWN: ReadonlySet<WoState> = new Set(['on_site', 'work_done', 'resolved_remotely', 'customer_accepted', 'closed', 'on_hold']);

export function ServiceRecordCard({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const shown = SHOWN.has(order.state);
  const query = useQuery({
    queryKey: [...workOrderKeys.all, 'service-record', order.id, order.version],
    queryFn: ({ signal }) => api.get<ServiceRecord>(`/work-orders/${seg(order.id)}/service-record`, undefined, signal),
    enabled: shown,
  });
  if (!shown || !query.data) return null;
  const r = query.data;
  const locale = currentLocale();
  const gapText = (g: Gap) => {
    switch (g.kind) {
      case 'report':
        return t('serviceRecord.gap.report');
      case 'acceptance':
        return t('serviceRecord.gap.acceptance');
      case 'checklist_item':
        return t('serviceRecord.gap.checklistItem', { item: g.label[locale] });
      case 'follow_up':
        return t('serviceRecord.gap.followUp', { title: g.title, due: formatInstant(g.dueAt) });
    }
  };
  const arrival =
    r.arrival.status === 'on_time' ? (
      <Tag color="green">{t('serviceRecord.onTime', { minutes: r.arrival.minutes })}</Tag>
    ) : r.arrival.status === 'late' ? (
      <Tag color="red">{t('serviceRecord.late', { minutes: r.arrival.minutes })}</Tag>
    ) : (
      <Tag>{t(r.arrival.status === 'not_arrived' ? 'serviceRecord.notArrived' : 'serviceRecord.noDeadline')}</Tag>
    );
  return (
    <Card size="small" title={t('serviceRecord.title')} data-testid="service-record">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('serviceRecord.arrival')}>
          <Space wrap size={4}>
            {arrival}
            {r.arrival.arrivedAt ? <Typography.Text type="secondary">{formatInstant(r.arrival.arrivedAt)}</Typography.Text> : null}
            {r.arrival.checkInDistanceMeters !== null ? (
              <Tag color={r.arrival.withinRadius ? 'default' : 'orange'}>{t('serviceRecord.distance', { meters: r.arrival.checkInDistanceMeters })}</Tag>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRecord.resolution')}>
          {r.resolution.resolvedAt ? formatInstant(r.resolution.resolvedAt) : t('serviceRecord.notResolved')}
          {r.resolution.reopenCount > 0 ? <Tag color="orange">{t('serviceRecord.reopened', { count: r.resolution.reopenCount })}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('serviceRecord.rating')}>
          {r.rating ? <Rate disabled value={r.rating.rating} data-testid="service-record-rating" /> : t('serviceRecord.notRated')}
        </Descriptions.Item>
        {r.consultationParticipants.length > 0 ? (
          <Descriptions.Item label={t('serviceRecord.consultation')}>
            <Space wrap size={4}>
              {r.consultationParticipants.map((p) => (
                <Tag key={p.employeeId} color={p.contributed ? 'blue' : 'default'}>
                  {p.name}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {order.state !== 'closed' ? (
        r.toClose.length > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>{t('serviceRecord.toClose')}</Typography.Text>}
            dataSource={r.toClose}
            data-testid="service-record-to-close"
            renderItem={(g) => (
              <List.Item>
                <Space>
                  <ExclamationCircleOutlined style={{ color: '#faad14' }} />
                  {gapText(g)}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="success" data-testid="service-record-ready">
            <CheckCircleOutlined /> {t('serviceRecord.readyToClose')}
          </Typography.Text>
        )
      ) : null}
    </Card>
  );
}
