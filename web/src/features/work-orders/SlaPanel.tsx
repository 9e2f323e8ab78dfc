import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaClockView } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { formatDueIn, formatMinutes } from './format.ts';
import { SlaTag } from './tags.tsx';

const RUNNING = new Set(['on_track', 'at_risk', 'breached']);

/** The three SLA clocks: due time, status, and how the deadline was computed. */
export function SlaPanel({ clocks }: { clocks: SlaClockView[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  if (clocks.length === 0) return null;
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('workOrders.slaTitle')} data-testid="wo-sla-clocks">
      <Row gutter={[16, 12]}>
        {clocks.map((c) => (
          <Col key={c.clock} xs={24} md={8} data-testid={`sla-${c.clock}`}>
            <Flex vertical gap={2}>
              <Flex align="center" gap={6}>
                <Typography.Text strong>{labels.slaClock(c.clock)}</Typography.Text>
                <SlaTag status={c.status} tooltip={c.explanation} />
                <Tooltip title={c.explanation}>
                  <InfoCircleOutlined
                    tabIndex={0}
                    role="img"
                    aria-label={`${t('workOrders.slaHow')}: ${c.explanation}`}
                    data-testid="sla-explanation"
                    style={{ color: 'rgba(0,0,0,0.45)', cursor: 'help' }}
                  />
                </Tooltip>
              </Flex>
              {c.dueAt ? (
                <Typography.Text>
                  {t('workOrders.dueAt', { time: formatInstant(c.dueAt) })}
                  {!c.metAt && RUNNING.has(c.status) ? (
                    <Typography.Text type={c.status === 'on_track' ? 'secondary' : 'danger'}> · {formatDueIn(t, c.dueAt)}</Typography.Text>
                  ) : null}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('workOrders.noDeadline')}</Typography.Text>
              )}
              {c.metAt ? <Typography.Text type="secondary">{t('workOrders.metAt', { time: formatInstant(c.metAt) })}</Typography.Text> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workOrders.slaTarget', { time: formatMinutes(t, c.targetMinutes) })}
                {c.pausedMinutes > 0 ? ` · ${t('workOrders.slaPaused', { time: formatMinutes(t, c.pausedMinutes) })}` : ''}
              </Typography.Text>
            </Flex>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
