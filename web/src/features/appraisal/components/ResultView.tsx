import { Alert, Card, Col, Descriptions, Empty, Flex, List, Rate, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatInstant } from '../../../lib/time.ts';
import { useResult } from '../api.ts';
import { formatScore } from '../logic.ts';
import type { Appeal, DevelopmentAction, IndicatorKey, ResultDetail } from '../types.ts';
import { AnswersView } from './AnswersView.tsx';
import { ExplainDrawer } from './ExplainDrawer.tsx';
import { HistoryList } from './HistoryList.tsx';
import { IndicatorCards } from './IndicatorCards.tsx';
import { useAppraisalLabels, useLocalizedText } from './labels.ts';
import { GradeTag, LateTag, PeriodStatusTag, ResultStatusTag } from './StatusTag.tsx';

// One appraisal result in full (issue 6 points 2, 5, 7): who and which period, the step it is
// at, the grade, the composite and HR's calibration; the five indicators, each opening to the
// records behind it; the composite's formula and the policy version it ran on; the
// self-evaluation, the supervisor's review, the appeals with HR's answers, the development
// actions, and the history. The technician's, the supervisor's and HR's screens all show it.

function Score({ title, value, extra, testId }: { title: ReactNode; value: number | null; extra?: ReactNode; testId?: string }) {
  return (
    <Statistic
      title={title}
      value={formatScore(value)}
      suffix={extra}
      styles={{ content: { fontSize: 20 } }}
      data-testid={testId}
    />
  );
}

function AppealItem({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  return (
    <List.Item data-testid="appeal-item" data-status={appeal.status}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={appeal.status === 'open' ? 'red' : 'green'}>{labels.appealStatus(appeal.status)}</Tag>
          {appeal.outcome ? <Tag color={appeal.outcome === 'adjusted' ? 'orange' : 'blue'}>{labels.outcome(appeal.outcome)}</Tag> : null}
          <Typography.Text type="secondary">{t('appraisal.appeal.raisedAt', { at: formatInstant(appeal.raisedAt) })}</Typography.Text>
        </Flex>
        <div>
          <Typography.Text strong>{t('appraisal.appeal.reasonLabel')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="appeal-reason-shown">
            {appeal.reason}
          </Typography.Paragraph>
        </div>
        {appeal.answer ? (
          <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '6px 10px' }}>
            <Typography.Text strong>{t('appraisal.appeal.answerLabel')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 2 }} data-testid="appeal-answer">
              {appeal.answer}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {appeal.answeredByLabel} · {formatInstant(appeal.answeredAt)}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('appraisal.appeal.waiting')}</Typography.Text>
        )}
      </Flex>
    </List.Item>
  );
}

function DevelopmentActions({ actions }: { actions: readonly DevelopmentAction[] }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const localized = useLocalizedText();
  return (
    <List
      size="small"
      dataSource={[...actions]}
      rowKey="id"
      renderItem={(a) => (
        <List.Item data-testid="development-action">
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex gap={8} align="center" wrap>
              <strong>{labels.indicator(a.indicator)}</strong>
              {a.points !== null ? <Typography.Text type="secondary">{t('appraisal.indicatorCard.pointsValue', { points: formatScore(a.points) })}</Typography.Text> : null}
              <Tag color={a.status === 'done' ? 'green' : a.status === 'cancelled' ? 'default' : 'blue'}>{labels.actionStatus(a.status)}</Tag>
              <Typography.Text type="secondary">{t('appraisal.development.due', { date: a.dueOn })}</Typography.Text>
            </Flex>
            <span>{localized(a.suggestion)}</span>
            {a.fulfilmentNote ? (
              <Typography.Text type="secondary">
                {a.fulfilmentNote} {a.fulfilledAt ? `· ${formatInstant(a.fulfilledAt)}` : ''}
              </Typography.Text>
            ) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Header({ r, actions }: { r: ResultDetail; actions?: ReactNode }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const final = r.calibratedScore ?? r.composite;
  return (
    <Card size="small">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="result-employee">
            {r.employee.name} <Typography.Text type="secondary">{r.employee.employeeNo}</Typography.Text>
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <span data-testid="result-period">
              {labels.periodKind(r.periodKind)} {r.periodLabel}
            </span>
            <PeriodStatusTag status={r.periodStatus} />
            {r.teamName ? <Typography.Text type="secondary">{r.teamName}</Typography.Text> : null}
          </Flex>
          <Flex gap={8} align="center" wrap>
            <ResultStatusTag status={r.status} testId="result-status" />
            <GradeTag grade={r.grade} testId="result-grade" />
            {r.grade && r.computedGrade && r.computedGrade !== r.grade ? (
              <Typography.Text type="secondary">{t('appraisal.result.computedGrade', { grade: r.computedGrade })}</Typography.Text>
            ) : null}
          </Flex>
        </Flex>
        {actions ? (
          <Flex gap={8} wrap>
            {actions}
          </Flex>
        ) : null}
      </Flex>
      <Row gutter={[16, 8]} style={{ marginTop: 12 }}>
        <Col xs={12} sm={8} lg={4}>
          <Score title={t('appraisal.result.self')} value={r.selfScore} extra={r.selfLate ? <LateTag /> : undefined} testId="score-self" />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Score title={t('appraisal.result.supervisor')} value={r.supervisorScore} testId="score-supervisor" />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Score title={t('appraisal.result.customer')} value={r.customerScore} testId="score-customer" />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Score title={t('appraisal.result.indicators')} value={r.indicatorScore} testId="score-indicators" />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Score title={t('appraisal.result.composite')} value={r.composite} testId="score-composite" />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Statistic
            title={r.calibratedScore !== null ? t('appraisal.result.calibrated') : t('appraisal.result.final')}
            value={formatScore(final)}
            styles={{ content: { fontSize: 20, fontWeight: 600, color: r.calibratedScore !== null ? '#d46b08' : undefined } }}
            data-testid="score-final"
          />
        </Col>
      </Row>
      {r.calibrationReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="calibration-reason"
          title={t('appraisal.result.calibratedFrom', { from: formatScore(r.composite), to: formatScore(r.calibratedScore) })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.calibrationReason}</span>}
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 4 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('appraisal.deadline.self')}>{r.deadlines.selfDueOn}</Descriptions.Item>
        <Descriptions.Item label={t('appraisal.deadline.review')}>{r.deadlines.reviewDueOn}</Descriptions.Item>
        <Descriptions.Item label={t('appraisal.deadline.publish')}>{r.deadlines.publishDueOn}</Descriptions.Item>
        <Descriptions.Item label={t('appraisal.deadline.appeal')}>{r.deadlines.appealDueOn ?? '—'}</Descriptions.Item>
        {r.publishedAt ? <Descriptions.Item label={t('appraisal.result.publishedAt')}>{formatInstant(r.publishedAt)}</Descriptions.Item> : null}
        {r.acknowledgedAt ? <Descriptions.Item label={t('appraisal.result.acknowledgedAt')}>{formatInstant(r.acknowledgedAt)}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}

/** A whole result by id; `actions` renders the caller's buttons (acknowledge, appeal, calibrate...) in its header. */
export function ResultView({ resultId, actions }: { resultId: string; actions?: (result: ResultDetail) => ReactNode }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const query = useResult(resultId);
  const [explaining, setExplaining] = useState<IndicatorKey | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;

  return (
    <Flex vertical gap={16} data-testid="result-view" data-result-id={r.id}>
      <Header r={r} actions={actions?.(r)} />

      <Card
        size="small"
        title={
          <span>
            {t('appraisal.result.indicatorsTitle')} <Typography.Text type="secondary">P5.1</Typography.Text>
          </span>
        }
        extra={<Typography.Text type="secondary">{t('appraisal.result.openHint')}</Typography.Text>}
      >
        {r.indicators.length ? <IndicatorCards indicators={r.indicators} onOpen={setExplaining} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.result.notComputed')} />}
      </Card>

      <Card size="small" title={t('appraisal.result.formulaTitle')} data-testid="result-formulas">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('appraisal.result.indicatorFormula')}>
            <Typography.Text code>{r.indicatorFormula ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('appraisal.result.compositeFormula')}>
            <Typography.Text code data-testid="composite-formula">
              {r.compositeFormula ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          {r.factsHash ? (
            <Descriptions.Item label={t('appraisal.result.factsHash')}>
              <Typography.Text type="secondary" copyable={{ text: r.factsHash }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {r.factsHash.slice(0, 16)}
              </Typography.Text>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('appraisal.result.policy')}>
            <Flex gap={4} wrap data-testid="result-policy">
              {r.policy.map((p) => (
                <Tag key={p.key} title={p.key}>
                  {labels.policyKey(p.key)} · {t('appraisal.result.since', { date: p.effectiveFrom })}
                </Tag>
              ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {r.monthly ? (
        <Card size="small" title={t('appraisal.result.monthlyTitle')}>
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={r.monthly}
            columns={[
              { title: t('appraisal.result.month'), dataIndex: 'label' },
              { title: t('appraisal.result.score'), dataIndex: 'score', render: (v: number) => formatScore(v) },
              { title: t('appraisal.result.grade'), dataIndex: 'grade', render: (g: string | null) => <GradeTag grade={g} /> },
            ]}
          />
        </Card>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Flex gap={8} align="center">
                {t('appraisal.result.selfTitle')}
                {r.selfLate ? <LateTag /> : null}
              </Flex>
            }
            extra={r.selfSubmittedAt ? <Typography.Text type="secondary">{formatInstant(r.selfSubmittedAt)}</Typography.Text> : null}
            style={{ height: '100%' }}
          >
            {r.selfAnswers ? (
              <AnswersView template={r.selfTemplate} answers={r.selfAnswers} testId="self-answers" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.result.noSelf')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('appraisal.result.reviewTitle')}
            extra={r.reviewedAt ? <Typography.Text type="secondary">{`${r.reviewedByLabel ?? ''} · ${formatInstant(r.reviewedAt)}`}</Typography.Text> : null}
            style={{ height: '100%' }}
          >
            {r.reviewedAt || r.reviewAnswers ? (
              <>
                <AnswersView template={r.reviewTemplate} answers={r.reviewAnswers} testId="review-answers" />
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('appraisal.review.teamwork')}>
                    {r.teamworkRating !== null ? <Rate disabled value={r.teamworkRating} style={{ fontSize: 14 }} /> : '—'}
                  </Descriptions.Item>
                  {r.reviewComment ? (
                    <Descriptions.Item label={t('appraisal.review.comment')}>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{r.reviewComment}</span>
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.result.noReview')} />
            )}
          </Card>
        </Col>
      </Row>

      {r.appeals.length ? (
        <Card size="small" title={t('appraisal.result.appealsTitle')} data-testid="result-appeals">
          <List dataSource={r.appeals} rowKey="id" renderItem={(a) => <AppealItem appeal={a} />} />
        </Card>
      ) : null}

      {r.developmentActions.length ? (
        <Card
          size="small"
          title={
            <span>
              {t('appraisal.result.developmentTitle')} <Typography.Text type="secondary">P5.4.3</Typography.Text>
            </span>
          }
        >
          <DevelopmentActions actions={r.developmentActions} />
        </Card>
      ) : null}

      <Card size="small" title={t('appraisal.result.historyTitle')}>
        <HistoryList history={r.history} />
      </Card>

      {explaining ? <ExplainDrawer resultId={r.id} indicator={explaining} onClose={() => setExplaining(null)} /> : null}
    </Flex>
  );
}
