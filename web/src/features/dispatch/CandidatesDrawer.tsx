import { CheckOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Priority } from '../../api/types.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { PriorityTag } from '../work-orders/tags.tsx';
import { useAssign, useCandidates, useInsertUrgently, useSaveRequirement } from './api.ts';
import { clockTime } from './format.ts';
import { reasonText } from './reasons.ts';
import type { Board, BoardOrder, DispatchPlan, RankedCandidate } from './types.ts';

// An order's candidates (issue 5 point 2): every technician of the team ranked, with the five
// factors behind each score, travel, workload, the earliest arrival against the deadline and
// customer history; the ineligible last with their reasons. Assign one, or the first; with a
// proposed plan that lacks the order, insert it urgently (a re-plan that moves least).

const FACTORS = ['skillFit', 'travel', 'workload', 'deadline', 'history'] as const;

function FactorBars({ c }: { c: RankedCandidate }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={1} style={{ width: 120 }}>
      {FACTORS.map((f) => (
        <Tooltip key={f} title={`${t(`dispatch.factor.${f}`)}: ${c.factors[f]}`}>
          <Flex align="center" gap={4} style={{ fontSize: 10, lineHeight: '10px' }}>
            <span style={{ width: 44, color: '#8c8c8c', whiteSpace: 'nowrap', overflow: 'hidden' }}>{t(`dispatch.factor.${f}`)}</span>
            <span style={{ flex: 1, height: 6, background: '#f0f0f0', borderRadius: 3 }}>
              <span style={{ display: 'block', height: 6, width: `${c.factors[f]}%`, background: c.eligible ? '#1677ff' : '#bfbfbf', borderRadius: 3 }} />
            </span>
          </Flex>
        </Tooltip>
      ))}
    </Flex>
  );
}

function fromText(t: TFunction, from: RankedCandidate['from']): string {
  return t(`dispatch.candidates.from.${from}`);
}

interface DrawerProps {
  board: Board;
  plan: DispatchPlan | null;
  order: BoardOrder;
  canPlan: boolean;
  onClose: () => void;
  /** A refused or failed write: the page explains it. */
  onError: (error: unknown, number: string) => void;
  onDone: (message: string) => void;
}

export function CandidatesDrawer({ board, plan, order, canPlan, onClose, onError, onDone }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const candidates = useCandidates(order.id, board.day);
  const assign = useAssign();
  const urgent = useInsertUrgently(board.team.id, board.day);
  const tz = board.timeZone;
  const inPlan = plan?.routes.some((r) => r.stops.some((s) => s.orderId === order.id)) ?? false;
  const list = candidates.data?.candidates ?? [];
  const first = list.find((c) => c.eligible);

  const doAssign = (c: RankedCandidate) =>
    assign.mutate(
      { order, technicianId: c.technicianId },
      {
        onSuccess: () => {
          onDone(t('dispatch.candidates.assigned', { number: order.number, name: c.name }));
          onClose();
        },
        onError: (error) => onError(error, order.number),
      },
    );

  const columns = [
    { title: '#', key: 'rank', width: 36, render: (_: unknown, _c: RankedCandidate, i: number) => i + 1 },
    {
      title: t('dispatch.candidates.technician'),
      key: 'name',
      render: (_: unknown, c: RankedCandidate) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong={c.eligible} type={c.eligible ? undefined : 'secondary'}>
            {c.name}
          </Typography.Text>
          {c.servedLast ? <Tag color="cyan">{t('dispatch.candidates.servedLast')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('dispatch.candidates.score'), dataIndex: 'score', key: 'score', width: 64, render: (v: number) => <b>{v}</b> },
    { title: t('dispatch.candidates.factors'), key: 'factors', width: 130, render: (_: unknown, c: RankedCandidate) => <FactorBars c={c} /> },
    {
      title: t('dispatch.candidates.travel'),
      key: 'travel',
      render: (_: unknown, c: RankedCandidate) =>
        c.travelMinutes === null ? '—' : t('dispatch.candidates.travelValue', { n: c.travelMinutes, from: fromText(t, c.from) }),
    },
    { title: t('dispatch.candidates.workload'), key: 'workload', render: (_: unknown, c: RankedCandidate) => t('dispatch.candidates.minutes', { n: c.workloadMinutes }) },
    {
      title: t('dispatch.candidates.earliest'),
      key: 'earliest',
      render: (_: unknown, c: RankedCandidate) => (
        <Space size={4}>
          {c.earliestArrival ? clockTime(c.earliestArrival, tz) : '—'}
          {c.meetsDeadline === null ? null : c.meetsDeadline ? (
            <Tag color="green">{t('dispatch.candidates.meets')}</Tag>
          ) : (
            <Tag color="red">{t('dispatch.candidates.misses')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'action',
      render: (_: unknown, c: RankedCandidate) =>
        c.eligible ? (
          <Button size="small" onClick={() => doAssign(c)} loading={assign.isPending && assign.variables?.technicianId === c.technicianId} data-testid={`dispatch-assign-${c.technicianId}`}>
            {t('dispatch.candidates.assign')}
          </Button>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 14, fontSize: 12, color: '#cf1322' }}>
            {c.reasons.map((r) => (
              <li key={JSON.stringify(r)}>{reasonText(t, r)}</li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <Drawer
      open
      size={mobile ? '100%' : 900}
      title={`${order.number} · ${order.title}`}
      onClose={onClose}
      data-testid="dispatch-candidates"
      extra={
        <Link to={`/work-orders/${order.id}`} data-testid="dispatch-open-order">
          {t('dispatch.candidates.openOrder')}
        </Link>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('dispatch.candidates.customer')}>{order.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.candidates.priority')}>
          <PriorityTag priority={order.priority as Priority} />
          {order.atRisk ? <Tag color="red">{t('dispatch.queue.atRisk')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.candidates.address')}>{order.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.candidates.window')}>
          {order.windowFrom && order.windowTo ? `${clockTime(order.windowFrom, tz)}–${clockTime(order.windowTo, tz)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.candidates.deadline')}>{order.arrivalDueAt ? clockTime(order.arrivalDueAt, tz) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.candidates.certificates')}>{candidates.data?.requirement.certificates.join(t('dispatch.listSeparator')) || '—'}</Descriptions.Item>
      </Descriptions>
      <RequirementForm order={order} onError={onError} onDone={onDone} />
      {!inPlan && plan?.status === 'proposed' && canPlan ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('dispatch.candidates.notInPlan')}
          action={
            <Button
              icon={<ThunderboltOutlined />}
              loading={urgent.isPending}
              data-testid="dispatch-urgent"
              onClick={() =>
                urgent.mutate(
                  { plan, orderId: order.id },
                  {
                    onSuccess: (next) => {
                      const placed = next.routes.some((r) => r.stops.some((s) => s.orderId === order.id));
                      if (placed) onDone(t('dispatch.candidates.inserted', { number: order.number, n: next.changes.length }));
                      else {
                        const why = next.unassigned.find((u) => u.orderId === order.id)?.reasons ?? [];
                        message.warning(t('dispatch.candidates.notPlaced', { number: order.number, reasons: why.map((r) => reasonText(t, r)).join(t('dispatch.listSeparator')) || '—' }));
                      }
                      onClose();
                    },
                    onError: (error) => onError(error, order.number),
                  },
                )
              }
            >
              {t('dispatch.candidates.insertUrgently')}
            </Button>
          }
        />
      ) : null}
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('dispatch.candidates.hint')}</Typography.Text>
        <Button type="primary" icon={<CheckOutlined />} disabled={!first || order.started} loading={assign.isPending} onClick={() => first && doAssign(first)} data-testid="dispatch-assign-first">
          {first ? t('dispatch.candidates.assignFirst', { name: first.name }) : t('dispatch.candidates.noneEligible')}
        </Button>
      </Flex>
      <Table<RankedCandidate>
        size="small"
        rowKey="technicianId"
        loading={candidates.isPending}
        dataSource={list}
        columns={columns}
        pagination={false}
        scroll={{ x: 820 }}
        onRow={(c) => ({ 'data-testid': `dispatch-candidate-${c.technicianId}`, 'data-eligible': c.eligible ? 'true' : 'false' }) as HTMLAttributes<HTMLElement>}
      />
    </Drawer>
  );
}

interface RequirementValues {
  requiredSkill: string;
  requiredSkillLevel: number;
  serviceMinutes: number;
}

/** The order's own requirement: skill, level and service minutes (the category's defaults until changed). */
function RequirementForm({ order, onError, onDone }: { order: BoardOrder; onError: DrawerProps['onError']; onDone: DrawerProps['onDone'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequirementValues>();
  const save = useSaveRequirement();
  return (
    <Form<RequirementValues>
      form={form}
      layout="inline"
      size="small"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ requiredSkill: order.requiredSkill ?? '', requiredSkillLevel: order.requiredSkillLevel ?? 1, serviceMinutes: order.serviceMinutes }}
      onFinish={(v) =>
        save.mutate(
          { order, requiredSkill: v.requiredSkill.trim() || null, requiredSkillLevel: v.requiredSkillLevel, serviceMinutes: v.serviceMinutes },
          { onSuccess: () => onDone(t('common.saved')), onError: (error) => onError(error, order.number) },
        )
      }
    >
      <Form.Item name="requiredSkill" label={t('dispatch.requirement.skill')}>
        <Input style={{ width: 140 }} maxLength={100} placeholder={t('dispatch.queue.anySkill')} data-testid="dispatch-req-skill" />
      </Form.Item>
      <Form.Item name="requiredSkillLevel" label={t('dispatch.requirement.level')} rules={[{ required: true }]}>
        <InputNumber min={1} max={5} precision={0} style={{ width: 60 }} />
      </Form.Item>
      <Form.Item name="serviceMinutes" label={t('dispatch.requirement.minutes')} rules={[{ required: true }]}>
        <InputNumber min={5} max={1440} precision={0} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={save.isPending} data-testid="dispatch-req-save">
          {t('common.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}
