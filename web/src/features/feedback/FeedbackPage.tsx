import { Button, Card, Col, Descriptions, Empty, Flex, Image, Row, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import '../../locales/field.ts';
import { AnswerModal } from './AnswerModal.tsx';
import { photoUrl, useFeedback, useFeedbackTransition } from './api.ts';
import { CompleteFollowUpModal } from './FollowUpModals.tsx';
import { FollowUpItem } from './FollowUpItem.tsx';
import { SEVERITY_COLORS, STATUS_COLORS, useFeedbackLabels } from './labels.ts';
import type { Feedback, FollowUp } from './types.ts';

function Actions({ feedback, onReload }: { feedback: Feedback; onReload: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const move = useFeedbackTransition(feedback.id);
  const [answering, setAnswering] = useState(false);
  const step = (action: 'investigate' | 'close') =>
    move.mutate({ action, version: feedback.version }, { onError: (error) => showError(error, { onReload }) });
  const { abilities } = feedback;
  if (!abilities.investigate && !abilities.answer && !abilities.close) return null;
  return (
    <Flex gap={8} wrap>
      {abilities.investigate ? (
        <Button onClick={() => step('investigate')} loading={move.isPending && move.variables?.action === 'investigate'} data-testid="feedback-investigate">
          {t('feedback.action.investigate')}
        </Button>
      ) : null}
      {abilities.answer ? (
        <Button type="primary" onClick={() => setAnswering(true)} data-testid="feedback-answer">
          {t('feedback.action.answer')}
        </Button>
      ) : null}
      {abilities.close ? (
        <Button onClick={() => step('close')} loading={move.isPending && move.variables?.action === 'close'} data-testid="feedback-close">
          {t('feedback.action.close')}
        </Button>
      ) : null}
      {answering ? <AnswerModal feedback={feedback} onClose={() => setAnswering(false)} onReload={onReload} /> : null}
    </Flex>
  );
}

/** One feedback record (P4.4.3): its own data and photos, the order's number and product (not the order itself), the answer, the history. */
export default function FeedbackPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const labels = useFeedbackLabels();
  const mobile = useIsMobile();
  const query = useFeedback(id);
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const f = query.data;
  const order = f.abilities.openOrder ? <Link to={`/work-orders/${f.workOrder.id}`}>{f.workOrder.number}</Link> : f.workOrder.number;

  return (
    <>
      <PageHeader
        back="/feedback"
        title={`${f.number} · ${f.title}`}
        subtitle={<Tag color={STATUS_COLORS[f.status]} data-testid="feedback-status">{labels.status(f.status)}</Tag>}
        extra={<Actions feedback={f} onReload={() => void query.refetch()} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={mobile ? 1 : 2} size="small">
              <Descriptions.Item label={t('feedback.kindLabel')}>{labels.kind(f.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.sourceLabel')}>{labels.source(f.source)}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.departmentLabel')}>{labels.department(f.department)}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.order')}>{order}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.customer')}>{f.workOrder.customerName}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.product')}>{f.workOrder.productName ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.model')}>{f.productModel ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.serial')}>{f.serialNumber ?? ''}</Descriptions.Item>
              {f.kind === 'defect' ? (
                <>
                  <Descriptions.Item label={t('feedback.category')}>{labels.category(f.defectCategory)}</Descriptions.Item>
                  <Descriptions.Item label={t('feedback.severityLabel')}>
                    {f.severity ? <Tag color={SEVERITY_COLORS[f.severity]}>{labels.severity(f.severity)}</Tag> : null}
                  </Descriptions.Item>
                </>
              ) : null}
              <Descriptions.Item label={t('feedback.raisedBy')}>{f.raisedBy}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.raisedAt')}>{formatInstant(f.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{f.description}</Typography.Paragraph>
            {f.photos.length ? (
              <Image.PreviewGroup>
                <Flex gap={8} wrap>
                  {f.photos.map((p) => (
                    <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover' }} src={photoUrl(f.id, p.id)} alt={p.filename} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            ) : null}
          </Card>
          <Card size="small" title={t('feedback.departmentAnswer')} style={{ marginBottom: 16 }}>
            {f.answer ? (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-answer-shown">
                  {f.answer}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {f.answeredBy} · {formatInstant(f.answeredAt)}
                </Typography.Text>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedback.notAnswered')} />
            )}
          </Card>
          {f.followUps.length ? (
            <Card size="small" title={t('followUps.title')}>
              {f.followUps.map((u) => (
                <FollowUpItem key={u.id} followUp={u} onComplete={setCompleting} />
              ))}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('feedback.history')}>
            <Timeline
              items={f.events.map((e) => ({
                key: `${e.at}-${e.toStatus}`,
                color: STATUS_COLORS[e.toStatus] === 'default' ? 'gray' : STATUS_COLORS[e.toStatus],
                content: (
                  <>
                    <div>
                      <strong>{labels.status(e.toStatus)}</strong> · {e.actor}
                    </div>
                    <Typography.Text type="secondary">{formatInstant(e.at)}</Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {completing ? <CompleteFollowUpModal followUp={completing} onClose={() => setCompleting(null)} /> : null}
    </>
  );
}
