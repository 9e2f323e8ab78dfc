import { EnvironmentOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useCompanyTimeZone } from '../../lib/useCompanyTimeZone.ts';
import '../../locales/field.ts';
import { currentLocation } from '../work-orders/geolocation.ts';
import { siteWorkKeys, useVisitStep, useOrderVisits } from './api.ts';
import type { Visit } from './types.ts';
import { useOrderRefresh, VISITED_STATES } from './useOrderRefresh.ts';

function RadiusTag({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  if (visit.withinRadius === null) return <Tag data-testid="visit-no-gps">{t('siteWork.noGps')}</Tag>;
  return visit.withinRadius ? (
    <Tag color="green" data-testid="visit-within-radius">
      {t('siteWork.withinRadius', { radius: visit.radiusMeters })}
    </Tag>
  ) : (
    <Tag color="red" data-testid="visit-outside-radius">
      {t('siteWork.outsideRadius', { radius: visit.radiusMeters })}
    </Tag>
  );
}

function minutes(t: (key: string, options?: Record<string, unknown>) => string, value: number | null) {
  return value === null ? '—' : t('siteWork.minutes', { n: value });
}

function VisitDetails({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid={`visit-${visit.id}`}>
      <Descriptions.Item label={t('siteWork.checkInAt')}>{formatInstant(visit.checkInAt)}</Descriptions.Item>
      <Descriptions.Item label={t('siteWork.distance')}>
        <Space wrap size={4}>
          {visit.distanceMeters === null ? null : <span data-testid="visit-distance">{t('siteWork.meters', { n: visit.distanceMeters })}</span>}
          <RadiusTag visit={visit} />
        </Space>
      </Descriptions.Item>
      {visit.employee ? <Descriptions.Item label={t('siteWork.technician')}>{visit.employee.name}</Descriptions.Item> : null}
      <Descriptions.Item label={t('siteWork.travelTime')}>{minutes(t, visit.travelMinutes)}</Descriptions.Item>
      <Descriptions.Item label={t('siteWork.checkOutAt')}>
        {visit.checkOutAt ? formatInstant(visit.checkOutAt) : <Tag color="processing">{t('siteWork.stillOnSite')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('siteWork.onSiteTime')}>{minutes(t, visit.onSiteMinutes)}</Descriptions.Item>
    </Descriptions>
  );
}

/** P4.3.2, P5.1.2: the check-in evidence (time, distance to the site) and the check-out. */
export function OrderVisitPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  useCompanyTimeZone();
  const user = useUser();
  const showError = useApiError();
  const applies = user.role !== 'customer' && (VISITED_STATES as readonly string[]).includes(order.state);
  const visits = useOrderVisits(order.id, applies);
  const checkOut = useVisitStep(order.id, 'check-out');
  const checkIn = useVisitStep(order.id, 'check-in');
  useOrderRefresh(siteWorkKeys.visits(order.id), order.version);
  if (!applies || !visits.data || visits.data.items.length === 0) return null;
  const { items, abilities } = visits.data;

  const run = async (step: typeof checkOut) => {
    const location = await currentLocation();
    step.mutate(location, { onError: (error) => showError(error) });
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <EnvironmentOutlined />
          {t('siteWork.visitTitle')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="visit-panel"
    >
      <Flex vertical gap={12}>
        {items.map((visit) => (
          <VisitDetails key={visit.id} visit={visit} />
        ))}
        {items.length > 1 ? (
          <Typography.Text type="secondary">
            {t('siteWork.totals', { travel: minutes(t, visits.data.travelMinutes), onSite: minutes(t, visits.data.onSiteMinutes) })}
          </Typography.Text>
        ) : null}
        {abilities.checkOut ? (
          <Button type="primary" icon={<LogoutOutlined />} block loading={checkOut.isPending} onClick={() => void run(checkOut)} data-testid="visit-checkout">
            {t('siteWork.checkOut')}
          </Button>
        ) : null}
        {abilities.checkIn ? (
          <Button icon={<LoginOutlined />} block loading={checkIn.isPending} onClick={() => void run(checkIn)} data-testid="visit-checkin-again">
            {t('siteWork.checkInAgain')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}
