import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Empty, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type CSSProperties, type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { clockTime, priorityStyle, readDraggedOrder, startOrderDrag } from './format.ts';
import { type Axis, type Block, dropPosition, hourTicks, instantAt, percentAt, type Row, technicianRow } from './layout.ts';
import { leaveKindText } from './reasons.ts';
import type { Board, BoardTechnician, DispatchPlan } from './types.ts';

// The day, one row per technician (issue 5 point 6): shift and leave as the row's background,
// travel (hatched), waiting and visits as blocks on a time axis. Visits and queue cards drop
// onto a row; the drop's x gives the place in the technician's sequence.

const LABEL_WIDTH = 180;
const ROW_HEIGHT = 46;

export interface DropTarget {
  orderId: string;
  technicianId: string;
  /** Index among the technician's movable visits. */
  position: number;
  at: number;
}

interface TimelineProps {
  board: Board;
  plan: DispatchPlan | null;
  axis: Axis;
  colors: Map<string, string>;
  canDrag: boolean;
  onOpenOrder: (orderId: string) => void;
  onDrop: (drop: DropTarget) => void;
}

export function Timeline({ board, plan, axis, colors, canDrag, onOpenOrder, onDrop }: TimelineProps) {
  const { t } = useTranslation();
  const ticks = hourTicks(axis);
  const now = Date.now();
  const showNow = now > axis.start && now < axis.end;
  if (board.technicians.length === 0) return <Empty description={t('dispatch.noTechnicians')} />;
  return (
    <div data-testid="dispatch-timeline" style={{ overflowX: 'auto' }}>
      <div style={{ minWidth: 760 }}>
        <div style={{ display: 'flex', height: 22, alignItems: 'flex-end' }}>
          <div style={{ width: LABEL_WIDTH, flex: 'none' }} />
          <div style={{ position: 'relative', flex: 1, height: '100%' }}>
            {ticks.map((at, i) => (
              <Typography.Text
                key={at}
                type="secondary"
                style={{
                  position: 'absolute',
                  left: `${percentAt(axis, at)}%`,
                  // The first and last marks stay inside the axis.
                  transform: i === 0 ? undefined : i === ticks.length - 1 ? 'translateX(-100%)' : 'translateX(-50%)',
                  fontSize: 11,
                  whiteSpace: 'nowrap',
                }}
              >
                {clockTime(at, board.timeZone)}
              </Typography.Text>
            ))}
          </div>
        </div>
        {board.technicians.map((tech) => (
          <TechnicianRow
            key={tech.id}
            board={board}
            tech={tech}
            row={technicianRow(board, plan, tech.id)}
            axis={axis}
            ticks={ticks}
            nowAt={showNow ? now : null}
            color={colors.get(tech.id) ?? '#1677ff'}
            canDrag={canDrag}
            onOpenOrder={onOpenOrder}
            onDrop={onDrop}
          />
        ))}
      </div>
    </div>
  );
}

function skillsText(t: TFunction, tech: BoardTechnician): string {
  if (tech.skills.length === 0) return t('dispatch.noSkills');
  return tech.skills.map((s) => t('dispatch.skillLevel', { skill: s.skill, level: s.level })).join(t('dispatch.listSeparator'));
}

/** Why a row is greyed: no shift that day, or leave covering it. */
function offReason(t: TFunction, tech: BoardTechnician): string | null {
  if (tech.available) return null;
  const leave = tech.leave[0];
  if (tech.shift && leave) return t('dispatch.row.onLeave', { kind: leaveKindText(t, leave.kind) });
  return t('dispatch.row.off');
}

interface RowProps {
  board: Board;
  tech: BoardTechnician;
  row: Row;
  axis: Axis;
  ticks: number[];
  nowAt: number | null;
  color: string;
  canDrag: boolean;
  onOpenOrder: (orderId: string) => void;
  onDrop: (drop: DropTarget) => void;
}

function TechnicianRow({ board, tech, row, axis, ticks, nowAt, color, canDrag, onOpenOrder, onDrop }: RowProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [over, setOver] = useState(false);
  const track = useRef<HTMLDivElement>(null);
  const off = offReason(t, tech);
  const span = (start: number, end: number): CSSProperties => {
    const left = percentAt(axis, start);
    return { position: 'absolute', left: `${left}%`, width: `max(2px, ${percentAt(axis, end) - left}%)` };
  };

  const handleDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!canDrag) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const handleDrop = (e: DragEvent<HTMLDivElement>) => {
    setOver(false);
    if (!canDrag) return;
    e.preventDefault();
    const orderId = readDraggedOrder(e);
    if (!orderId) return;
    // The time under the pointer on the track (a drop on the name counts as the day's start).
    const rect = (track.current ?? e.currentTarget).getBoundingClientRect();
    const at = instantAt(axis, rect.width > 0 ? (e.clientX - rect.left) / rect.width : 0);
    onDrop({ orderId, technicianId: tech.id, position: dropPosition(row.stops, orderId, at), at });
  };

  const visits = row.blocks.filter((b) => b.kind === 'visit').length;
  return (
    <div
      data-testid={`dispatch-row-${tech.id}`}
      data-name={tech.name}
      data-skills={tech.skills.map((s) => `${s.skill}:${s.level}`).join(',')}
      data-off={off ? 'true' : 'false'}
      data-visits={visits}
      onDragOver={handleDragOver}
      onDragEnter={handleDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={handleDrop}
      style={{ display: 'flex', borderTop: '1px solid #f0f0f0', opacity: off ? 0.6 : 1, background: over ? '#e6f4ff' : undefined }}
    >
      <div style={{ width: LABEL_WIDTH, flex: 'none', padding: '4px 8px', borderLeft: `4px solid ${color}`, minWidth: 0 }}>
        <Tooltip title={skillsText(t, tech)}>
          <Typography.Text strong ellipsis style={{ display: 'block' }}>
            {tech.name}
          </Typography.Text>
        </Tooltip>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {off ?? `${labels.position(tech.position as Position)} · ${t('dispatch.row.visits', { n: visits })}`}
        </Typography.Text>
      </div>
      <div
        ref={track}
        data-testid={`dispatch-track-${tech.id}`}
        style={{
          position: 'relative',
          flex: 1,
          height: ROW_HEIGHT + (row.unscheduled.length ? 20 : 0),
          background: off ? 'repeating-linear-gradient(135deg, #f0f0f0 0 6px, #e6e6e6 6px 12px)' : '#f5f5f5',
          outline: over ? '2px dashed #1677ff' : undefined,
          outlineOffset: -2,
        }}
      >
        {tech.shift ? <div style={{ ...span(Date.parse(tech.shift.start), Date.parse(tech.shift.end)), top: 0, bottom: 0, background: '#fff' }} /> : null}
        {tech.leave.map((l) => (
          <div
            key={`${l.start}-${l.kind}`}
            title={t('dispatch.row.leave', { kind: leaveKindText(t, l.kind), from: clockTime(l.start, board.timeZone), to: clockTime(l.end, board.timeZone) })}
            style={{ ...span(Date.parse(l.start), Date.parse(l.end)), top: 0, bottom: 0, background: 'repeating-linear-gradient(135deg, #fafafa 0 6px, #d9d9d9 6px 8px)' }}
          />
        ))}
        {ticks.map((at) => (
          <div key={at} style={{ position: 'absolute', left: `${percentAt(axis, at)}%`, top: 0, bottom: 0, borderLeft: '1px solid #eee', pointerEvents: 'none' }} />
        ))}
        {nowAt ? <div style={{ position: 'absolute', left: `${percentAt(axis, nowAt)}%`, top: 0, bottom: 0, borderLeft: '2px solid #ff4d4f', pointerEvents: 'none', zIndex: 2 }} /> : null}
        {off ? (
          <Typography.Text type="secondary" style={{ position: 'absolute', left: 8, top: 12, fontSize: 12 }}>
            {off}
          </Typography.Text>
        ) : null}
        {row.blocks.map((block) => (
          <BlockView key={`${block.kind}-${block.start}-${block.kind === 'visit' ? block.orderId : ''}`} block={block} board={board} style={span(block.start, block.end)} color={color} canDrag={canDrag} onOpen={onOpenOrder} techId={tech.id} />
        ))}
        {row.unscheduled.length ? (
          <div style={{ position: 'absolute', left: 4, right: 4, bottom: 2, display: 'flex', gap: 4, overflow: 'hidden', fontSize: 11 }}>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t('dispatch.row.unscheduled')}
            </Typography.Text>
            {row.unscheduled.map((o) => (
              <span
                key={o.id}
                role="button"
                tabIndex={0}
                draggable={canDrag}
                onDragStart={(e) => startOrderDrag(e, o.id)}
                onClick={() => onOpenOrder(o.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpenOrder(o.id)}
                data-testid={`dispatch-stop-${o.number}`}
                data-order-id={o.id}
                data-technician-id={tech.id}
                data-required-skill={o.requiredSkill ?? ''}
                style={{ cursor: 'pointer', padding: '0 4px', borderRadius: 3, background: priorityStyle(o.priority).background, color: priorityStyle(o.priority).color }}
              >
                {o.number}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

interface BlockProps {
  block: Block;
  board: Board;
  style: CSSProperties;
  color: string;
  canDrag: boolean;
  techId: string;
  onOpen: (orderId: string) => void;
}

function BlockView({ block, board, style, color, canDrag, techId, onOpen }: BlockProps) {
  const { t } = useTranslation();
  const tz = board.timeZone;
  if (block.kind === 'travel') {
    const title = block.km === null ? t('dispatch.block.return', { minutes: Math.round(block.minutes) }) : t('dispatch.block.travel', { minutes: Math.round(block.minutes), km: block.km.toFixed(1) });
    return (
      <div
        title={title}
        data-kind="travel"
        style={{
          ...style,
          top: 14,
          height: 18,
          background: `repeating-linear-gradient(45deg, ${color}55 0 3px, transparent 3px 7px)`,
          borderTop: `1px solid ${color}`,
          borderBottom: `1px solid ${color}`,
          fontSize: 10,
          lineHeight: '16px',
          textAlign: 'center',
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          pointerEvents: 'auto',
        }}
      >
        {Math.round(block.minutes)}′
      </div>
    );
  }
  if (block.kind === 'wait') {
    return <div title={t('dispatch.block.wait', { minutes: Math.round(block.minutes) })} data-kind="wait" style={{ ...style, top: 21, height: 4, borderBottom: '2px dotted #bfbfbf' }} />;
  }
  const o = block.order;
  const s = block.stop;
  const p = priorityStyle(o?.priority ?? s?.priority);
  const customer = o?.customerName ?? '';
  const lines = [
    `${block.number}${o ? ` · ${o.title}` : ''}`,
    customer,
    t('dispatch.block.times', { arrive: clockTime(s?.arriveAt ?? block.start, tz), start: clockTime(block.start, tz), end: clockTime(block.end, tz) }),
    o?.requiredSkill ? t('dispatch.skillLevel', { skill: o.requiredSkill, level: o.requiredSkillLevel ?? 1 }) : '',
    o?.arrivalDueAt ? t('dispatch.block.deadline', { at: clockTime(o.arrivalDueAt, tz) }) : '',
    s && s.lateMinutes > 0 ? t('dispatch.block.late', { minutes: Math.round(s.lateMinutes) }) : '',
    block.fixed ? t('dispatch.block.fixed') : '',
  ].filter(Boolean);
  const draggable = canDrag && !block.fixed;
  return (
    <div
      role="button"
      tabIndex={0}
      title={lines.join('\n')}
      draggable={draggable}
      onDragStart={(e) => startOrderDrag(e, block.orderId)}
      onClick={() => onOpen(block.orderId)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(block.orderId)}
      data-testid={`dispatch-stop-${block.number}`}
      data-kind="visit"
      data-order-id={block.orderId}
      data-technician-id={techId}
      data-sequence={block.sequence}
      data-required-skill={o?.requiredSkill ?? ''}
      data-required-level={o?.requiredSkillLevel ?? ''}
      data-late={block.late ? 'true' : 'false'}
      data-fixed={block.fixed ? 'true' : 'false'}
      style={{
        ...style,
        top: 5,
        height: 36,
        zIndex: 1,
        boxSizing: 'border-box',
        background: p.background,
        border: `1px solid ${block.late ? '#ff4d4f' : p.color}`,
        borderLeft: `3px solid ${color}`,
        boxShadow: block.late ? '0 0 0 2px #ffccc7' : undefined,
        borderRadius: 4,
        padding: '1px 3px',
        fontSize: 11,
        lineHeight: '16px',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        cursor: draggable ? 'grab' : 'pointer',
        color: p.color,
      }}
    >
      <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {block.fixed ? <LockOutlined /> : block.sequence ? <b>{block.sequence} </b> : null}
        {block.late ? <WarningOutlined style={{ color: '#ff4d4f' }} /> : null} {block.number}
      </div>
      <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', color: '#595959' }}>{customer}</div>
    </div>
  );
}
