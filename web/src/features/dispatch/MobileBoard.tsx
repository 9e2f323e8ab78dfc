import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clockTime } from './format.ts';
import { type QueueItem, technicianRow } from './layout.ts';
import { Queue } from './Queue.tsx';
import { leaveKindText } from './reasons.ts';
import type { Board, DispatchPlan } from './types.ts';

// The board on a phone: read-mostly and stacked. Each technician's visits in order with their
// times, then the queue; tapping an order opens its candidates.

export function MobileBoard({ board, plan, queue, onOpenOrder }: { board: Board; plan: DispatchPlan | null; queue: QueueItem[]; onOpenOrder: (orderId: string) => void }) {
  const { t } = useTranslation();
  const tz = board.timeZone;
  return (
    <Flex vertical gap={12}>
      {board.technicians.map((tech) => {
        const row = technicianRow(board, plan, tech.id);
        const visits = row.blocks.filter((b) => b.kind === 'visit');
        const off = !tech.available;
        return (
          <Card
            key={tech.id}
            size="small"
            data-testid={`dispatch-row-${tech.id}`}
            data-name={tech.name}
            title={tech.name}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {off
                  ? tech.shift && tech.leave[0]
                    ? t('dispatch.row.onLeave', { kind: leaveKindText(t, tech.leave[0].kind) })
                    : t('dispatch.row.off')
                  : tech.shift
                    ? `${clockTime(tech.shift.start, tz)}–${clockTime(tech.shift.end, tz)}`
                    : ''}
              </Typography.Text>
            }
            style={{ opacity: off ? 0.6 : 1 }}
          >
            {visits.length === 0 && row.unscheduled.length === 0 ? (
              <Typography.Text type="secondary">{t('dispatch.row.noVisits')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={[...visits, ...row.unscheduled.map((o) => ({ kind: 'unscheduled' as const, order: o }))]}
                renderItem={(b) =>
                  b.kind === 'visit' ? (
                    <List.Item onClick={() => onOpenOrder(b.orderId)} data-testid={`dispatch-stop-${b.number}`} style={{ cursor: 'pointer' }}>
                      <span>
                        {b.fixed ? <LockOutlined /> : <b>{b.sequence}.</b>} {clockTime(b.start, tz)}–{clockTime(b.end, tz)} <b>{b.number}</b> {b.order?.customerName}
                        {b.late ? <WarningOutlined style={{ color: '#ff4d4f', marginInlineStart: 4 }} /> : null}
                      </span>
                    </List.Item>
                  ) : b.kind === 'unscheduled' ? (
                    <List.Item onClick={() => onOpenOrder(b.order.id)} data-testid={`dispatch-stop-${b.order.number}`} style={{ cursor: 'pointer' }}>
                      <span>
                        {t('dispatch.row.unscheduled')} <b>{b.order.number}</b> {b.order.customerName}
                      </span>
                    </List.Item>
                  ) : null
                }
              />
            )}
          </Card>
        );
      })}
      {board.technicians.length === 0 ? <Empty description={t('dispatch.noTechnicians')} /> : null}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('dispatch.queue.titleN', { n: queue.length })}
      </Typography.Title>
      <Queue board={board} items={queue} canDrag={false} onDropBack={null} onOpenOrder={onOpenOrder} />
    </Flex>
  );
}
