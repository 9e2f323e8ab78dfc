import { Alert, Card, Col, Descriptions, Flex, Row, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { useUser } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { OrderAcceptancePanel } from '../acceptance/OrderAcceptancePanel.tsx';
import { ReportPdfLink } from '../reports/ReportPdfLink.tsx';
import { ActionButtons } from '../work-orders/ActionButtons.tsx';
import { useWorkOrder } from '../work-orders/api.ts';
import { AttachmentsCard } from '../work-orders/AttachmentsCard.tsx';
import { CommentsPanel } from '../work-orders/CommentsPanel.tsx';
import { preferredWindow } from '../work-orders/OrderDetails.tsx';
import { StateTag } from '../work-orders/tags.tsx';
import { type CustomerStep, customerProgress, eventText } from './progress.ts';

function PortalOrder({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  const query = useWorkOrder(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const steps = customerProgress(o);

  const describe = (step: CustomerStep, at: string | undefined, event: (typeof steps)[number]['event']) => {
    const lines: string[] = [];
    if (step === 'assigned') {
      const name = eventText(event, 'assigneeName') ?? o.assignee?.name;
      if (name) lines.push(t('portal.technicianIs', { name }));
    }
    if (step === 'en_route') {
      const eta = eventText(event, 'expectedArrivalAt') ?? o.expectedArrivalAt;
      if (eta && event) lines.push(t('portal.expectedArrival', { time: formatInstant(eta) }));
    }
    if (at) lines.push(formatInstant(at));
    return lines.length > 0 ? (
      <Flex vertical>
        {lines.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </Flex>
    ) : null;
  };

  return (
    <>
      <PageHeader
        back="/portal"
        title={<span data-testid="wo-number">{o.title}</span>}
        subtitle={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <StateTag state={o.state} />
            <Typography.Text type="secondary">
              {o.number} · {formatInstant(o.receivedAt)}
            </Typography.Text>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size={mobile ? 'small' : 'medium'} title={t('portal.progress')} data-testid="portal-progress">
              {o.state === 'cancelled' ? (
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('portal.cancelled')} description={o.cancelReason ?? undefined} />
              ) : null}
              {o.state === 'on_hold' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('portal.onHold')} /> : null}
              <Steps
                orientation="vertical"
                size="small"
                items={steps.map((s) => ({
                  key: s.step,
                  status: s.status,
                  title: <span data-testid={`step-${s.step}`} data-status={s.status}>{t(`customerStep.${s.step}`)}</span>,
                  content: describe(s.step, s.event?.at, s.event),
                }))}
              />
              {o.allowedActions.length > 0 ? (
                <div style={{ marginTop: 12 }}>
                  {o.allowedActions.includes('customer_accept') ? (
                    <Typography.Paragraph>{t('portal.acceptHint')}</Typography.Paragraph>
                  ) : null}
                  {o.allowedActions.includes('customer_refuse') ? (
                    <Typography.Paragraph type="secondary">{t('acceptance.portalRefuseHint')}</Typography.Paragraph>
                  ) : null}
                  <ActionButtons order={{ id: o.id, version: o.version }} actions={o.allowedActions} large={mobile} />
                </div>
              ) : null}
            </Card>
            <OrderAcceptancePanel order={o} />
            <CommentsPanel order={o} customer />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size={mobile ? 'small' : 'medium'} title={t('workOrders.details')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'site', label: t('workOrders.site'), children: o.site?.name ?? '—' },
                  { key: 'product', label: t('workOrders.product'), children: o.product ? `${o.product.model} · ${o.product.serialNumber}` : '—' },
                  { key: 'category', label: t('workOrders.category'), children: labels.category(o.category) },
                  { key: 'preferred', label: t('portal.preferredWindow'), children: preferredWindow(o) || '—' },
                  {
                    key: 'description',
                    label: t('portal.faultDescription'),
                    children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Typography.Text>,
                  },
                  ...(o.resolution
                    ? [
                        {
                          key: 'resolution',
                          label: t('workOrders.resolution'),
                          children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.resolution}</Typography.Text>,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <ReportPdfLink order={o} />
            <AttachmentsCard order={o} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** A customer's order: plain progress steps, the questions and answers, and what they may do now. */
export default function PortalOrderPage() {
  const { id = '' } = useParams();
  const user = useUser();
  if (user.role !== 'customer') return <Navigate to={`/work-orders/${id}`} replace />;
  return <PortalOrder key={id} id={id} />;
}
