import { PlusOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useUser } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useCustomer } from '../customers/api.ts';
import { useWorkOrders } from '../work-orders/api.ts';
import { StateTag } from '../work-orders/tags.tsx';
import { ReportFaultDrawer } from './ReportFaultDrawer.tsx';

/** The customer portal: report a fault, follow one's orders. */
export default function PortalPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [reporting, setReporting] = useState(false);
  const customer = useCustomer(user.customerId);
  const orders = useWorkOrders({}, { enabled: user.role === 'customer' });
  if (user.role !== 'customer') return <Navigate to="/work-orders" replace />;
  if (!user.customerId) return <Result status="info" title={t('portal.noAccount')} subTitle={t('portal.noAccountHint')} />;
  if (customer.isPending) return <PageSpinner />;
  if (customer.isError) return <QueryError error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;

  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={t('portal.subtitle')}
        extra={
          <>
            <Button icon={<UserOutlined />} onClick={() => navigate('/my-account')} data-testid="portal-account">
              {t('nav.myAccount')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="portal-report">
              {t('portal.reportFault')}
            </Button>
          </>
        }
      />
      <Card title={t('portal.myOrders')} size="small" data-testid="portal-orders">
        {orders.isPending ? (
          <PageSpinner />
        ) : orders.error ? (
          <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : orders.items.length === 0 ? (
          <Empty description={t('portal.noOrders')}>
            <Button type="primary" onClick={() => setReporting(true)}>
              {t('portal.reportFault')}
            </Button>
          </Empty>
        ) : (
          <Flex vertical>
            {orders.items.map((o) => (
              <Link key={o.id} to={`/portal/orders/${o.id}`} data-testid={`portal-order-${o.number}`} style={{ color: 'inherit' }}>
                <Flex justify="space-between" align="center" gap={8} style={{ padding: '12px 4px', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Typography.Text strong ellipsis>
                      {o.title}
                    </Typography.Text>
                    <Space size={4} wrap>
                      <StateTag state={o.state} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {o.number} · {formatInstant(o.receivedAt)}
                      </Typography.Text>
                    </Space>
                    {o.site || o.product ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[o.site?.name, o.product ? `${o.product.model} ${o.product.serialNumber}` : null].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  <RightOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
                </Flex>
              </Link>
            ))}
            {orders.loadMore.hasMore ? (
              <Button style={{ marginTop: 12 }} onClick={orders.loadMore.onLoadMore} loading={orders.loadMore.loading}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Card>
      {reporting ? (
        <ReportFaultDrawer
          customer={c}
          onClose={() => setReporting(false)}
          onReported={(order) => {
            setReporting(false);
            navigate(`/portal/orders/${order.id}`);
          }}
        />
      ) : null}
    </>
  );
}
