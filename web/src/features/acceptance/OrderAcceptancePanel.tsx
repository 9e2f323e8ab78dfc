import { Card, Descriptions, Empty, Flex, Image, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WoState, WorkOrder } from '../../api/types.ts';
import '../../locales/field.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useOrderAcceptance } from './api.ts';
import { StarRate, useLocalized } from './QuestionnaireFields.tsx';
import type { AcceptanceChannel, AcceptanceRecord, CustomerRating, OrderAcceptance, RatingSource, SurveyStatus } from './types.ts';

/** States in which the acceptance matters; in the two a refusal sends an order back to, only when there is one. */
const ACCEPTANCE_STATES: ReadonlySet<WoState> = new Set(['work_done', 'resolved_remotely', 'customer_accepted', 'closed']);
const AFTER_REFUSAL_STATES: ReadonlySet<WoState> = new Set(['on_site', 'diagnosing']);

function useAcceptanceLabels() {
  const { t } = useTranslation();
  const channel: Record<AcceptanceChannel, string> = { on_site: t('acceptance.channel.on_site'), portal: t('acceptance.channel.portal') };
  const source: Record<RatingSource, string> = {
    on_site: t('acceptance.source.on_site'),
    portal: t('acceptance.source.portal'),
    survey: t('acceptance.source.survey'),
  };
  const survey: Record<SurveyStatus, string> = {
    pending: t('acceptance.surveyStatus.pending'),
    answered: t('acceptance.surveyStatus.answered'),
    expired: t('acceptance.surveyStatus.expired'),
  };
  return { channel, source, survey };
}

function AcceptanceItem({ a }: { a: AcceptanceRecord }) {
  const { t } = useTranslation();
  const labels = useAcceptanceLabels();
  const accepted = a.outcome === 'accepted';
  return (
    <Flex vertical gap={6} style={{ width: '100%' }} data-testid={`acceptance-${a.outcome}`}>
      <Flex wrap gap={8} align="center">
        <Tag color={accepted ? 'green' : 'red'}>{accepted ? t('acceptance.outcome.accepted') : t('acceptance.outcome.refused')}</Tag>
        <Tag>{labels.channel[a.channel]}</Tag>
        <Typography.Text type="secondary">
          {formatInstant(a.at)} · {a.recordedBy}
        </Typography.Text>
      </Flex>
      {a.signerName ? <Typography.Text>{t('acceptance.signedBy', { name: a.signerName })}</Typography.Text> : null}
      {a.reason ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{t('acceptance.refusalReason', { reason: a.reason })}</Typography.Text> : null}
      {a.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{a.comment}</Typography.Text> : null}
      {a.signatureUrl ? (
        <Image
          src={a.signatureUrl}
          alt={t('acceptance.signature')}
          style={{ maxWidth: 320, width: '100%', background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6 }}
          data-testid="acceptance-signature"
        />
      ) : null}
      {!accepted && a.handledAt ? (
        <Typography.Text type="success" data-testid="acceptance-settled">
          {t('acceptance.settledBy', { name: a.handledBy ?? '', time: formatInstant(a.handledAt) })}
          {a.handlingNote ? `: ${a.handlingNote}` : ''}
        </Typography.Text>
      ) : null}
      {!accepted && !a.handledAt ? <Typography.Text type="warning">{t('acceptance.refusalOpen')}</Typography.Text> : null}
    </Flex>
  );
}

function RatingItem({ r }: { r: CustomerRating }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useAcceptanceLabels();
  return (
    <Flex vertical gap={4} style={{ width: '100%' }} data-testid="acceptance-rating">
      <Flex wrap gap={8} align="center">
        <StarRate testId="acceptance-rating-value" value={r.rating} disabled />
        <Tag>{labels.source[r.source]}</Tag>
        <Typography.Text type="secondary">{formatInstant(r.ratedAt)}</Typography.Text>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={r.questionnaire.questions
          .filter((q) => r.answers[q.key] !== undefined)
          .map((q) => ({ key: q.key, label: localized(q.label), children: t('acceptance.score', { score: r.answers[q.key] }) }))}
      />
      {r.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Text> : null}
    </Flex>
  );
}

function SurveyLine({ survey }: { survey: NonNullable<OrderAcceptance['survey']> }) {
  const { t } = useTranslation();
  const labels = useAcceptanceLabels();
  const color = survey.status === 'answered' ? 'green' : survey.status === 'pending' ? 'blue' : 'default';
  return (
    <Flex wrap gap={8} align="center" data-testid="acceptance-survey" data-status={survey.status}>
      <Typography.Text>{t('acceptance.survey')}</Typography.Text>
      <Tag color={color}>{labels.survey[survey.status]}</Tag>
      <Typography.Text type="secondary">
        {survey.status === 'pending' ? t('acceptance.surveyExpires', { time: formatInstant(survey.expiresAt) }) : null}
        {survey.status === 'answered' && survey.answeredAt ? formatInstant(survey.answeredAt) : null}
      </Typography.Text>
    </Flex>
  );
}

/** The order's acceptance (P4.4.1): signature, refusals and how they were handled, ratings and the survey (P5.1.1). */
export function OrderAcceptancePanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const relevant = ACCEPTANCE_STATES.has(order.state) || AFTER_REFUSAL_STATES.has(order.state);
  const query = useOrderAcceptance(order.id, order.version, relevant);
  if (!relevant) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!ACCEPTANCE_STATES.has(order.state) && (data?.acceptances.length ?? 0) === 0) return null;
  const acceptances = [...(data?.acceptances ?? [])].reverse();
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('acceptance.panelTitle')} loading={query.isPending} data-testid="acceptance-panel">
      {data && acceptances.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('acceptance.waiting')} /> : null}
      {acceptances.length > 0 ? <List dataSource={acceptances} rowKey="id" renderItem={(a) => <List.Item><AcceptanceItem a={a} /></List.Item>} /> : null}
      {data && data.ratings.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('acceptance.ratings')}</Typography.Title>
          <List dataSource={data.ratings} rowKey="id" renderItem={(r) => <List.Item><RatingItem r={r} /></List.Item>} />
        </>
      ) : null}
      {data?.survey ? <SurveyLine survey={data.survey} /> : null}
    </Card>
  );
}
