import { CheckOutlined, DeleteOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Empty, Popconfirm, Result, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { type CSSProperties, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { fromDateString, toDateString, todayInCompany } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import '../../locales/dispatch.ts';
import '../../locales/workOrders.ts';
import { dispatchKeys, useAssign, useBoard, useBoardEvents, useClosePlan, useDispatchTeams, useMoveInPlan, usePlanDay } from './api.ts';
import { CandidatesDrawer } from './CandidatesDrawer.tsx';
import { dayStartMs } from './format.ts';
import { dayAxis, queueOf, stopOf, technicianColors } from './layout.ts';
import { MobileBoard } from './MobileBoard.tsx';
import { PlanChangesCard, PlanSummaryCard } from './PlanPanels.tsx';
import { Queue } from './Queue.tsx';
import { RefusalAlert } from './RefusalAlert.tsx';
import { type Refusal, refusalOf } from './reasons.ts';
import { type DropTarget, Timeline } from './Timeline.tsx';
import type { Board, DispatchPlan } from './types.ts';

// The supervisor's dispatch board (issue 5 point 6, P4.1.2, P5.1.2): one row per technician
// with the day's travel and visits, the queue of orders nobody has with their deadlines, drag
// and drop to assign or re-sequence (checked by the server's rules, refusals explained), the
// day plan with its figures, and the map. Live: it reads itself again when the team's orders
// or plans change.

const DispatchMap = lazy(() => import('./DispatchMap.tsx'));

function Legend() {
  const { t } = useTranslation();
  const swatch = (style: CSSProperties) => <span style={{ display: 'inline-block', width: 18, height: 10, verticalAlign: 'middle', marginInlineEnd: 4, ...style }} />;
  return (
    <Space size={12} wrap style={{ fontSize: 12 }}>
      <span>{swatch({ background: 'repeating-linear-gradient(45deg, #1677ff55 0 3px, transparent 3px 7px)', border: '1px solid #1677ff' })}{t('dispatch.legend.travel')}</span>
      <span>{swatch({ borderBottom: '2px dotted #bfbfbf' })}{t('dispatch.legend.wait')}</span>
      <span>{swatch({ background: '#e6f4ff', border: '1px solid #0958d9' })}{t('dispatch.legend.visit')}</span>
      <span>{swatch({ background: '#fff1f0', border: '1px solid #ff4d4f' })}{t('dispatch.legend.atRisk')}</span>
      <span>{swatch({ background: 'repeating-linear-gradient(135deg, #fafafa 0 6px, #d9d9d9 6px 8px)' })}{t('dispatch.legend.off')}</span>
    </Space>
  );
}

export default function DispatchBoardPage() {
  const { t } = useTranslation();
  const url = useUrlFilters();
  const teams = useDispatchTeams();
  const teamId = url.get('team') ?? teams.data?.[0]?.id;
  const day = url.get('day') ?? todayInCompany();
  const board = useBoard(teamId, day);
  useBoardEvents(teamId);

  if (teams.isPending) return <PageSpinner />;
  if (teams.isError) return <QueryError error={teams.error} onRetry={() => void teams.refetch()} />;
  if (teams.data.length === 0) return <Result status="info" title={t('dispatch.noTeams')} />;
  return (
    <BoardScreen
      teamId={teamId!}
      day={day}
      teams={teams.data}
      board={board.data}
      loading={board.isPending}
      stale={board.isPlaceholderData}
      error={board.isError ? board.error : null}
      onRetry={() => void board.refetch()}
      onPick={(patch) => url.set(patch)}
    />
  );
}

interface ScreenProps {
  teamId: string;
  day: string;
  teams: { id: string; name: string }[];
  board: Board | undefined;
  loading: boolean;
  /** Another day's board shown while this one loads. */
  stale: boolean;
  error: unknown;
  onRetry: () => void;
  onPick: (patch: { team?: string; day?: string }) => void;
}

function BoardScreen({ teamId, day, teams, board, loading, stale, error, onRetry, onPick }: ScreenProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const mobile = useIsMobile();
  const [openOrderId, setOpenOrderId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [hiddenChanges, setHiddenChanges] = useState<string | null>(null);
  const planDay = usePlanDay(teamId, day);
  const move = useMoveInPlan(teamId, day);
  const assign = useAssign();
  const closePlan = useClosePlan(teamId, day);

  const plan: DispatchPlan | null = board?.plan && (board.plan.status === 'proposed' || board.plan.status === 'accepted') ? board.plan : null;
  const canPlan = can('dispatch.plan');
  const proposed = plan?.status === 'proposed';
  const canDrag = proposed ? canPlan : can('work_orders.dispatch');
  const colors = useMemo(() => (board ? technicianColors(board) : new Map<string, string>()), [board]);
  const axis = useMemo(() => (board ? dayAxis(board, plan, dayStartMs(board.day, board.timeZone)) : null), [board, plan]);
  const queue = useMemo(() => (board ? queueOf(board, plan) : []), [board, plan]);

  const reload = () => void queryClient.invalidateQueries({ queryKey: dispatchKeys.boards });

  /** A write that failed: a refusal stays on screen with its reasons; a stale board reloads. */
  const failed = (err: unknown, number: string) => {
    const r = refusalOf(t, err, { number });
    if (r) {
      setRefusal(r);
      return;
    }
    if (isApiError(err) && err.status === 409) {
      message.warning(t('dispatch.stale'));
      reload();
      return;
    }
    showError(err);
  };

  const numberOf = (orderId: string) => board?.orders.find((o) => o.id === orderId)?.number ?? stopOf(plan, orderId)?.stop.number ?? '';

  const onDrop = ({ orderId, technicianId, position }: DropTarget) => {
    if (!board) return;
    const number = numberOf(orderId);
    const done = () => setRefusal(null);
    if (proposed && plan) {
      move.mutate({ plan, orderId, technicianId, position }, { onSuccess: done, onError: (err) => failed(err, number) });
      return;
    }
    const order = board.orders.find((o) => o.id === orderId);
    if (!order) return;
    if (order.assigneeId === technicianId) {
      message.info(t('dispatch.planToResequence'));
      return;
    }
    assign.mutate(
      { order, technicianId },
      {
        onSuccess: () => {
          done();
          message.success(t('dispatch.candidates.assigned', { number, name: board.technicians.find((x) => x.id === technicianId)?.name ?? '' }));
        },
        onError: (err) => failed(err, number),
      },
    );
  };

  const onDropBack = proposed && plan && canPlan ? (orderId: string) => move.mutate({ plan, orderId, technicianId: null, position: 0 }, { onError: (err) => failed(err, numberOf(orderId)) }) : null;

  const runPlan = () =>
    planDay.mutate(undefined, {
      onSuccess: (p) => {
        setRefusal(null);
        message.success(t('dispatch.planned', { planned: p.summary.planned, orders: p.summary.orders }));
      },
      onError: (err) => {
        if (isApiError(err) && err.status === 422) setRefusal({ title: t('dispatch.planRefused'), reasons: [], detail: err.detail ?? err.title });
        else failed(err, '');
      },
    });

  const close = (step: 'accept' | 'discard') =>
    plan &&
    closePlan.mutate(
      { plan, step },
      {
        onSuccess: (p) => {
          setRefusal(null);
          message.success(step === 'accept' ? t('dispatch.acceptedMessage', { n: p.summary.planned }) : t('dispatch.discardedMessage'));
        },
        onError: (err) => failed(err, ''),
      },
    );

  const controls = (
    <>
      <Select
        value={teamId}
        onChange={(id: string) => {
          setOpenOrderId(null);
          setRefusal(null);
          onPick({ team: id });
        }}
        options={teams.map((x) => ({ value: x.id, label: x.name }))}
        style={{ minWidth: 160 }}
        aria-label={t('dispatch.team')}
        data-testid="dispatch-team-select"
      />
      <DatePicker
        value={fromDateString(day)}
        allowClear={false}
        onChange={(v) => {
          const next = toDateString(v);
          if (next) {
            setOpenOrderId(null);
            setRefusal(null);
            onPick({ day: next });
          }
        }}
        aria-label={t('dispatch.day')}
        data-testid="dispatch-day"
      />
      {canPlan ? (
        <Button icon={<ScheduleOutlined />} type={proposed ? 'default' : 'primary'} loading={planDay.isPending} onClick={runPlan} disabled={!board} data-testid="dispatch-plan">
          {proposed ? t('dispatch.planAgain') : t('dispatch.plan')}
        </Button>
      ) : null}
      {proposed && canPlan ? (
        <>
          <Button type="primary" icon={<CheckOutlined />} loading={closePlan.isPending && closePlan.variables?.step === 'accept'} onClick={() => close('accept')} data-testid="dispatch-accept">
            {t('dispatch.accept')}
          </Button>
          <Popconfirm title={t('dispatch.discardConfirm')} okText={t('dispatch.discard')} cancelText={t('common.cancel')} onConfirm={() => close('discard')}>
            <Button danger icon={<DeleteOutlined />} loading={closePlan.isPending && closePlan.variables?.step === 'discard'} data-testid="dispatch-discard">
              {t('dispatch.discard')}
            </Button>
          </Popconfirm>
        </>
      ) : null}
    </>
  );

  const atRisk = board ? board.orders.filter((o) => o.atRisk).length : 0;
  const subtitle = board ? (
    <Space size={8} wrap>
      <span>{board.team.name}</span>
      <Tag color="blue" data-testid="dispatch-mode" data-mode={board.mode}>
        {t('dispatch.modeLabel', { mode: t(`dispatch.mode.${board.mode}`) })}
      </Tag>
      <span data-testid="dispatch-counts">
        {t('dispatch.counts', { technicians: board.technicians.filter((x) => x.available).length, orders: board.orders.length, queue: queue.length })}
      </span>
      {atRisk ? <Tag color="red">{t('dispatch.atRiskN', { n: atRisk })}</Tag> : null}
    </Space>
  ) : null;

  const openOrder = openOrderId && board ? (board.orders.find((o) => o.id === openOrderId) ?? null) : null;
  const busy = stale || planDay.isPending || move.isPending || assign.isPending || closePlan.isPending;

  return (
    <>
      <PageHeader title={t('dispatch.title')} subtitle={subtitle} extra={controls} />
      {refusal ? <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} testId="dispatch-refusal" /> : null}
      {error && !board ? <QueryError error={error} onRetry={onRetry} /> : null}
      {loading && !board ? <PageSpinner /> : null}
      {board && axis ? (
        <>
          {plan ? <PlanSummaryCard plan={plan} /> : null}
          {plan && plan.changes.length > 0 && hiddenChanges !== plan.id ? <PlanChangesCard plan={plan} board={board} onClose={() => setHiddenChanges(plan.id)} /> : null}
          {mobile ? (
            <MobileBoard board={board} plan={plan} queue={queue} onOpenOrder={setOpenOrderId} />
          ) : (
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={18}>
                <Card size="small" title={plan ? t('dispatch.timelinePlan') : t('dispatch.timelineOrders')} extra={<Legend />}>
                  <Spin spinning={busy} description={planDay.isPending ? t('dispatch.planning') : undefined}>
                    <Timeline board={board} plan={plan} axis={axis} colors={colors} canDrag={canDrag && !busy} onOpenOrder={setOpenOrderId} onDrop={onDrop} />
                  </Spin>
                </Card>
              </Col>
              <Col xs={24} lg={6}>
                <Card size="small" title={t('dispatch.queue.titleN', { n: queue.length })} extra={<Typography.Text type="secondary">{t('dispatch.queue.hint')}</Typography.Text>}>
                  <Queue board={board} items={queue} canDrag={canDrag && !busy} onDropBack={onDropBack} onOpenOrder={setOpenOrderId} maxHeight={620} />
                </Card>
              </Col>
              <Col span={24}>
                <Card size="small" title={t('dispatch.map.title')} extra={board.tileUrl ? null : <Typography.Text type="secondary">{t('dispatch.map.noTiles')}</Typography.Text>}>
                  <Suspense fallback={<PageSpinner />}>
                    <DispatchMap board={board} plan={plan} colors={colors} />
                  </Suspense>
                </Card>
              </Col>
            </Row>
          )}
          {board.technicians.length === 0 && board.orders.length === 0 ? <Empty description={t('dispatch.nothing')} /> : null}
        </>
      ) : null}
      {openOrder && board ? (
        <CandidatesDrawer
          board={board}
          plan={plan}
          order={openOrder}
          canPlan={canPlan}
          onClose={() => setOpenOrderId(null)}
          onError={failed}
          onDone={(text) => {
            setRefusal(null);
            message.success(text);
          }}
        />
      ) : null}
    </>
  );
}
