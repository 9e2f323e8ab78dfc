import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import type { WoState } from '../../api/types.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { ActionButtons } from './ActionButtons.tsx';
import { useConsultations, useWorkOrder } from './api.ts';
import { AttachmentsCard } from './AttachmentsCard.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { FieldWorkPanels } from './FieldWorkPanels.tsx';
import { ConsultationPanel } from './ConsultationPanel.tsx';
import { OrderDetails } from './OrderDetails.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';
import { RequirementCard } from './RequirementCard.tsx';
import { SimilarCasesPanel } from './SimilarCasesPanel.tsx';
import { SlaPanel } from './SlaPanel.tsx';
import { PriorityTag, SlaTag, StateTag } from './tags.tsx';

/** States in which the fault is being worked out: similar cases help then. */
const DIAGNOSING: ReadonlySet<WoState> = new Set(['contacted', 'diagnosing', 'solution_proposed']);

function StaffWorkOrder({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const mobile = useIsMobile();
  const query = useWorkOrder(id);
  const consultations = useConsultations(id, query.isSuccess);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const agreed = (consultations.data ?? []).filter((c) => c.status === 'agreed' && c.agreedSolution).at(-1)?.agreedSolution ?? null;
  const back = can('work_orders.dispatch') ? '/work-orders' : '/my-jobs';

  const actions = (
    <Card size="small" title={t('workOrders.actions')} data-testid="wo-actions">
      {o.allowedActions.length > 0 ? (
        <ActionButtons
          order={{ id: o.id, version: o.version, teamId: o.team?.id, solution: o.solution }}
          actions={o.allowedActions}
          suggestedSolution={agreed}
          large={mobile}
        />
      ) : (
        <Typography.Text type="secondary">{t('workOrders.noActions')}</Typography.Text>
      )}
    </Card>
  );

  return (
    <>
      <PageHeader
        back={back}
        title={
          <span data-testid="wo-number">
            {o.number} · {o.title}
          </span>
        }
        subtitle={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <StateTag state={o.state} />
            <PriorityTag priority={o.priority} />
            <SlaTag status={o.slaStatus} />
            {o.customer ? <Typography.Text type="secondary">{o.customer.name}</Typography.Text> : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {actions}
            <FieldWorkPanels order={o} />
            <SlaPanel clocks={o.sla} />
            <OrderDetails order={o} />
            {DIAGNOSING.has(o.state) ? <SimilarCasesPanel order={o} /> : null}
            <ConsultationPanel order={o} />
            <CommentsPanel order={o} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <RequirementCard order={o} />
            <OrderTimeline events={o.timeline} />
            <AttachmentsCard order={o} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** One work order for staff; a customer's link goes to the portal's view of it. */
export default function WorkOrderPage() {
  const { id = '' } = useParams();
  const user = useUser();
  if (user.role === 'customer') return <Navigate to={`/portal/orders/${id}`} replace />;
  return <StaffWorkOrder key={id} id={id} />;
}
