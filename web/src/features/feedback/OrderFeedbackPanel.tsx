import { BulbOutlined, BugOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrder } from '../../api/types.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import '../../locales/field.ts';
import { useOrderFeedback } from './api.ts';
import { AddFollowUpModal, CompleteFollowUpModal } from './FollowUpModals.tsx';
import { FollowUpItem } from './FollowUpItem.tsx';
import { STATUS_COLORS, useFeedbackLabels } from './labels.ts';
import { RaiseFeedbackModal } from './RaiseFeedbackModal.tsx';
import type { FeedbackSummary, FollowUp } from './types.ts';

function FeedbackItem({ f, linkable }: { f: FeedbackSummary; linkable: boolean }) {
  const { t } = useTranslation();
  const labels = useFeedbackLabels();
  return (
    <Flex vertical gap={4} data-testid={`order-feedback-${f.number}`} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{linkable ? <Link to={`/feedback/${f.id}`}>{f.number}</Link> : f.number}</Typography.Text>
        <Flex gap={4} wrap>
          <Tag>{labels.kind(f.kind)}</Tag>
          <Tag color={STATUS_COLORS[f.status]}>{labels.status(f.status)}</Tag>
        </Flex>
      </Flex>
      <Typography.Text>{f.title}</Typography.Text>
      <Typography.Text type="secondary">
        {labels.department(f.department)} · {labels.source(f.source)}
      </Typography.Text>
      {f.answer ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          <Typography.Text type="secondary">{t('feedback.departmentAnswer')}</Typography.Text>{' '}
          {f.answer}
        </Typography.Paragraph>
      ) : null}
    </Flex>
  );
}

/**
 * The order's feedback to the departments and its follow-ups (P4.4.3, P2.1.3, P2.2.2, P2.3.4):
 * staff only, phone friendly. Renders nothing for customers, or when there is nothing to show or do.
 */
export function OrderFeedbackPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const staff = user.role !== 'customer' && user.role !== 'department';
  const query = useOrderFeedback(order.id, staff);
  const [raising, setRaising] = useState<'defect' | 'opinion' | null>(null);
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const data = query.data;
  if (!staff || !data) return null;
  const { abilities } = data;
  if (!data.feedback.length && !data.followUps.length && !abilities.raise && !abilities.addFollowUp) return null;

  return (
    <Card size="small" title={t('feedback.panelTitle')} data-testid="feedback-panel" style={{ marginBottom: 16 }}>
      {/* the actions sit in the body, not the header, so they wrap on a phone */}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {abilities.raise ? (
          <>
            <Button size="small" icon={<BugOutlined />} onClick={() => setRaising('defect')} data-testid="feedback-raise-defect">
              {t('feedback.raiseDefect')}
            </Button>
            <Button size="small" icon={<BulbOutlined />} onClick={() => setRaising('opinion')} data-testid="feedback-raise-opinion">
              {t('feedback.raiseOpinion')}
            </Button>
          </>
        ) : null}
        {abilities.addFollowUp ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="followup-add">
            {t('followUps.add')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('feedback.raisedHere')}
      </Typography.Title>
      {data.feedback.length ? (
        data.feedback.map((f) => <FeedbackItem key={f.id} f={f} linkable={can('feedback.read')} />)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedback.noneHere')} />
      )}
      <Typography.Title level={5}>{t('followUps.title')}</Typography.Title>
      {data.followUps.length ? (
        data.followUps.map((f) => <FollowUpItem key={f.id} followUp={f} onComplete={setCompleting} />)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUps.noneHere')} />
      )}
      {raising ? <RaiseFeedbackModal orderId={order.id} mode={raising} defaults={data.defaults} onClose={() => setRaising(null)} /> : null}
      {adding ? <AddFollowUpModal orderId={order.id} onClose={() => setAdding(false)} /> : null}
      {completing ? <CompleteFollowUpModal followUp={completing} onClose={() => setCompleting(null)} /> : null}
    </Card>
  );
}
