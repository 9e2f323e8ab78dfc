import { RightOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Progress, Row, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatIndicatorValue, formatScore } from '../logic.ts';
import type { IndicatorKey, ScoredIndicator } from '../types.ts';
import { useAppraisalLabels } from './labels.ts';

// The five indicators of a result (P5.1.1-P5.1.5): value, points on the curve, samples, target
// and weight. One with too few samples is marked "insufficient" with the rule that handled it.
// A click opens the records behind it (ExplainDrawer).

function IndicatorCard({ indicator: i, onOpen }: { indicator: ScoredIndicator; onOpen: (key: IndicatorKey) => void }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const insufficient = i.status === 'insufficient';
  return (
    <Card
      size="small"
      hoverable
      onClick={() => onOpen(i.key)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onOpen(i.key);
      }}
      tabIndex={0}
      role="button"
      aria-label={t('appraisal.indicatorCard.open', { name: labels.indicator(i.key) })}
      data-testid={`indicator-card-${i.key}`}
      data-status={i.status}
      style={{ height: '100%', borderColor: insufficient ? '#fa8c16' : undefined }}
      title={
        <Flex justify="space-between" align="center" gap={4}>
          <span style={{ whiteSpace: 'normal' }}>{labels.indicator(i.key)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {labels.clause(i.key)}
          </Typography.Text>
        </Flex>
      }
      extra={<RightOutlined style={{ color: '#8c8c8c' }} />}
    >
      <Flex vertical gap={6}>
        <Flex align="baseline" justify="space-between" gap={8}>
          <Typography.Text strong style={{ fontSize: 22 }} data-testid="indicator-value">
            {formatIndicatorValue(i.key, i.value)}
          </Typography.Text>
          {insufficient ? (
            <Tooltip title={i.explanation}>
              <Tag color="orange" icon={<WarningOutlined />} data-testid="indicator-insufficient">
                {t('appraisal.indicatorCard.insufficient')}
              </Tag>
            </Tooltip>
          ) : (
            <Typography.Text data-testid="indicator-points">{t('appraisal.indicatorCard.pointsValue', { points: formatScore(i.points) })}</Typography.Text>
          )}
        </Flex>
        {insufficient ? (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {i.explanation}. {t('appraisal.indicatorCard.insufficientRule')}
          </Typography.Text>
        ) : (
          <Progress percent={i.points ?? 0} showInfo={false} size="small" strokeColor={(i.points ?? 0) >= 80 ? '#52c41a' : (i.points ?? 0) >= 60 ? '#1677ff' : '#fa8c16'} />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('appraisal.indicatorCard.facts', {
            samples: i.samples,
            target: formatIndicatorValue(i.key, i.target),
            weight: i.weight,
          })}
        </Typography.Text>
        {!insufficient ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: i.explanation }}>
            {i.explanation}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

export function IndicatorCards({ indicators, onOpen }: { indicators: readonly ScoredIndicator[]; onOpen: (key: IndicatorKey) => void }) {
  return (
    <Row gutter={[12, 12]}>
      {indicators.map((i) => (
        <Col key={i.key} xs={24} sm={12} lg={8} xxl={Math.floor(24 / Math.max(indicators.length, 1)) || 4}>
          <IndicatorCard indicator={i} onOpen={onOpen} />
        </Col>
      ))}
    </Row>
  );
}
