import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Empty, Flex, Tag, Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../api/types.ts';
import { formatDueIn } from '../work-orders/format.ts';
import { PriorityTag } from '../work-orders/tags.tsx';
import { clockTime, priorityStyle, readDraggedOrder, startOrderDrag } from './format.ts';
import type { QueueItem } from './layout.ts';
import { reasonText } from './reasons.ts';
import type { Board } from './types.ts';

// The orders nobody has yet (in no route of the plan, or with no assignee), with their
// deadlines; at-risk ones first and marked. Cards drag onto a technician's row; with a
// proposed plan, a visit dragged back here leaves the plan.

interface QueueProps {
  board: Board;
  items: QueueItem[];
  canDrag: boolean;
  /** A visit dropped on the queue: take it out of the plan (only with a proposed plan). */
  onDropBack: ((orderId: string) => void) | null;
  onOpenOrder: (orderId: string) => void;
  /** Scroll within this height (px). */
  maxHeight?: number;
}

export function Queue({ board, items, canDrag, onDropBack, onOpenOrder, maxHeight }: QueueProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const accepts = (e: DragEvent) => {
    if (!onDropBack) return;
    e.preventDefault();
    if (!over) setOver(true);
  };
  return (
    // The drop zone is the visible, scrolling box, so a drop anywhere on it counts.
    <div
      data-testid="dispatch-queue"
      onDragOver={accepts}
      onDragEnter={accepts}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        if (!onDropBack) return;
        e.preventDefault();
        const orderId = readDraggedOrder(e);
        if (orderId && !items.some((i) => i.order.id === orderId)) onDropBack(orderId);
      }}
      style={{ minHeight: 120, maxHeight, overflowY: maxHeight ? 'auto' : undefined, outline: over ? '2px dashed #1677ff' : undefined, padding: 2 }}
    >
      <Flex vertical gap={8}>
        {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.queue.empty')} /> : null}
        {items.map((item) => (
          <QueueCard key={item.order.id} item={item} board={board} canDrag={canDrag} onOpen={onOpenOrder} />
        ))}
      </Flex>
    </div>
  );
}

function QueueCard({ item, board, canDrag, onOpen }: { item: QueueItem; board: Board; canDrag: boolean; onOpen: (orderId: string) => void }) {
  const { t } = useTranslation();
  const { order: o, unassigned, atRisk } = item;
  const tz = board.timeZone;
  const overdue = o.arrivalDueAt ? Date.parse(o.arrivalDueAt) < Date.now() : false;
  const assignee = o.assigneeId ? board.technicians.find((x) => x.id === o.assigneeId) : null;
  return (
    <div
      role="button"
      tabIndex={0}
      draggable={canDrag && !o.started}
      onDragStart={(e) => startOrderDrag(e, o.id)}
      onClick={() => onOpen(o.id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(o.id)}
      data-testid={`dispatch-queue-${o.number}`}
      data-order-id={o.id}
      data-required-skill={o.requiredSkill ?? ''}
      data-required-level={o.requiredSkillLevel ?? ''}
      data-at-risk={atRisk ? 'true' : 'false'}
      style={{
        cursor: canDrag ? 'grab' : 'pointer',
        border: `1px solid ${atRisk ? '#ff4d4f' : '#f0f0f0'}`,
        borderLeft: `4px solid ${atRisk ? '#ff4d4f' : priorityStyle(o.priority).color}`,
        background: atRisk ? '#fff1f0' : '#fff',
        borderRadius: 6,
        padding: '6px 8px',
      }}
    >
      <Flex justify="space-between" align="center" gap={4}>
        <Typography.Text strong>{o.number}</Typography.Text>
        <span>
          {atRisk ? (
            <Tag color="red" icon={<WarningOutlined />}>
              {t('dispatch.queue.atRisk')}
            </Tag>
          ) : null}
          <PriorityTag priority={o.priority as Priority} />
        </span>
      </Flex>
      <Typography.Text ellipsis style={{ display: 'block' }}>
        {o.title}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {o.customerName}
        {o.address ? ` · ${o.address}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {o.requiredSkill ? t('dispatch.skillLevel', { skill: o.requiredSkill, level: o.requiredSkillLevel ?? 1 }) : t('dispatch.queue.anySkill')}
        {' · '}
        {t('dispatch.queue.serviceMinutes', { n: o.serviceMinutes })}
      </Typography.Text>
      {o.windowFrom && o.windowTo ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('dispatch.queue.window', { from: clockTime(o.windowFrom, tz), to: clockTime(o.windowTo, tz) })}
        </Typography.Text>
      ) : null}
      {o.arrivalDueAt ? (
        <Typography.Text type={overdue || atRisk ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
          <ClockCircleOutlined /> {t('dispatch.queue.deadline', { at: clockTime(o.arrivalDueAt, tz) })} · {formatDueIn(t, o.arrivalDueAt)}
        </Typography.Text>
      ) : null}
      {assignee ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('dispatch.queue.assignedTo', { name: assignee.name })}
        </Typography.Text>
      ) : null}
      {unassigned?.reasons.length ? (
        <ul style={{ margin: '2px 0 0', paddingInlineStart: 16, fontSize: 12, color: '#cf1322' }} data-testid="dispatch-reasons">
          {unassigned.reasons.map((r) => (
            <li key={JSON.stringify(r)}>{reasonText(t, r)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
