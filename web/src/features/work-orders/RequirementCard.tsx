import { EditOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';
import { formatInstant } from '../../lib/time.ts';
import '../../locales/dispatch.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useAssign, useCandidates, useSaveRequirement } from '../dispatch/api.ts';
import { RefusalAlert } from '../dispatch/RefusalAlert.tsx';
import { type Refusal, reasonText, refusalOf } from '../dispatch/reasons.ts';
import type { BoardOrder, RankedCandidate } from '../dispatch/types.ts';
import { workOrderKeys } from './api.ts';
import { formatMinutes } from './format.ts';
import type { DispatchedWorkOrder } from './types.ts';

// An order's requirement (issue 5, P4.1.2): the skill and level the work needs, the expected
// service time, and the planned visit. A dispatcher corrects the requirement and assigns from
// the ranked technicians; a refused assignment shows its reasons (the board's catalogue,
// dispatch.reason.<code>).

const TERMINAL = new Set(['closed', 'cancelled']);

/** The order page reads the order again after a dispatch write (the answer is a board order). */
function useRefreshOrder(orderId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orderId) });
    void queryClient.invalidateQueries({ queryKey: ['work-orders', 'list'] });
  };
}

interface RequirementValues {
  requiredSkill?: string;
  requiredSkillLevel: number;
  serviceMinutes: number;
}

function RequirementModal({ order, onClose }: { order: DispatchedWorkOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequirementValues>();
  const save = useSaveRequirement();
  const refresh = useRefreshOrder(order.id);
  const feedback = useSaveFeedback<BoardOrder>(form, { onClose, onReload: refresh });
  return (
    <FormModal<RequirementValues>
      title={t('orderRequirement.editTitle', { number: order.number })}
      form={form}
      submitting={save.isPending}
      onCancel={onClose}
      submitTestId="requirement-save"
      initialValues={{ requiredSkill: order.requiredSkill ?? '', requiredSkillLevel: order.requiredSkillLevel ?? 1, serviceMinutes: order.serviceMinutes ?? 60 }}
      onFinish={(v) =>
        save.mutate(
          { order, requiredSkill: v.requiredSkill?.trim() || null, requiredSkillLevel: v.requiredSkillLevel, serviceMinutes: v.serviceMinutes },
          {
            onSuccess: (answer) => {
              refresh();
              feedback.onSuccess(answer);
            },
            onError: feedback.onError,
          },
        )
      }
    >
      <Form.Item name="requiredSkill" label={t('orderRequirement.skill')} extra={t('orderRequirement.skillHint')} rules={[{ max: 100 }]}>
        <Input maxLength={100} allowClear placeholder={t('orderRequirement.noSkill')} data-testid="requirement-skill" />
      </Form.Item>
      <Form.Item name="requiredSkillLevel" label={t('orderRequirement.level')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} data-testid="requirement-level" />
      </Form.Item>
      <Form.Item name="serviceMinutes" label={t('orderRequirement.serviceMinutes')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={5} max={1440} precision={0} style={{ width: '100%' }} suffix={t('orderRequirement.minutesUnit')} data-testid="requirement-minutes" />
      </Form.Item>
    </FormModal>
  );
}

function CandidateRow({ c, current, assigning, onAssign }: { c: RankedCandidate; current: boolean; assigning: boolean; onAssign?: () => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid={`order-candidate-${c.technicianId}`}
      data-eligible={c.eligible ? 'true' : 'false'}
      actions={
        onAssign && c.eligible && !current
          ? [
              <Button key="assign" size="small" type="primary" ghost loading={assigning} onClick={onAssign} data-testid={`order-assign-${c.technicianId}`}>
                {t('orderRequirement.assign')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <Typography.Text strong={c.eligible} type={c.eligible ? undefined : 'secondary'}>
              {c.name}
            </Typography.Text>
            <Tag>{t('orderRequirement.score', { score: c.score })}</Tag>
            {c.eligible ? <Tag color="green">{t('orderRequirement.eligible')}</Tag> : <Tag color="red">{t('orderRequirement.ineligible')}</Tag>}
            {current ? <Tag color="blue">{t('orderRequirement.current')}</Tag> : null}
            {c.servedLast ? <Tag color="cyan">{t('orderRequirement.servedLast')}</Tag> : null}
          </Space>
        }
        description={
          c.eligible ? (
            <Space wrap size={12}>
              {c.travelMinutes !== null ? <span>{t('orderRequirement.travel', { n: c.travelMinutes })}</span> : null}
              {c.earliestArrival ? <span>{t('orderRequirement.earliest', { time: formatInstant(c.earliestArrival) })}</span> : null}
              {c.meetsDeadline === false ? <Typography.Text type="danger">{t('orderRequirement.missesDeadline')}</Typography.Text> : null}
            </Space>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="order-candidate-reasons">
              {c.reasons.map((r) => (
                <li key={JSON.stringify(r)}>{reasonText(t, r)}</li>
              ))}
            </ul>
          )
        }
      />
    </List.Item>
  );
}

/** GET candidates: the team's technicians ranked, the ineligible with their reasons; "Assign" on the eligible. */
function CandidatesDrawer({ order, canAssign, onClose }: { order: DispatchedWorkOrder; canAssign: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const showError = useApiError();
  const candidates = useCandidates(order.id, '');
  const assign = useAssign();
  const refresh = useRefreshOrder(order.id);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const doAssign = (c: RankedCandidate) => {
    setRefusal(null);
    assign.mutate(
      { order, technicianId: c.technicianId },
      {
        onSuccess: () => {
          refresh();
          message.success(t('orderRequirement.assigned', { name: c.name }));
          onClose();
        },
        onError: (error) => {
          const refused = refusalOf(t, error, { number: order.number });
          if (refused) setRefusal(refused);
          else showError(error, { onReload: refresh });
        },
      },
    );
  };

  return (
    <Drawer open size={mobile ? '100%' : 560} title={t('orderRequirement.candidatesTitle', { number: order.number })} onClose={onClose} data-testid="order-candidates">
      {refusal ? <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} testId="order-assign-refusal" /> : null}
      {candidates.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={candidates.error instanceof Error ? candidates.error.message : undefined} /> : null}
      <List<RankedCandidate>
        loading={candidates.isPending}
        dataSource={candidates.data?.candidates ?? []}
        locale={{ emptyText: t('orderRequirement.noCandidates') }}
        renderItem={(c) => (
          <CandidateRow
            c={c}
            current={order.assignee?.id === c.technicianId}
            assigning={assign.isPending && assign.variables?.technicianId === c.technicianId}
            onAssign={canAssign ? () => doAssign(c) : undefined}
          />
        )}
      />
    </Drawer>
  );
}

/** The requirement, the planned visit, and (for dispatchers) editing and assigning from the ranked candidates. */
export function RequirementCard({ order: o }: { order: DispatchedWorkOrder }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  // A server from before issue 5 sends no requirement: nothing to show.
  if (o.serviceMinutes === undefined && o.requiredSkill === undefined) return null;
  const dispatcher = (o.abilities.dispatch ?? can('work_orders.dispatch')) && !TERMINAL.has(o.state);
  const canAssign = o.allowedActions.includes('assign') || o.allowedActions.includes('reassign');

  return (
    <Card
      size="small"
      data-testid="order-requirement"
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('orderRequirement.title')}
        </Space>
      }
      extra={
        dispatcher ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="requirement-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('orderRequirement.skill')}>
            <span data-testid="requirement-skill-value">
              {o.requiredSkill ? t('orderRequirement.skillLevel', { skill: o.requiredSkill, level: o.requiredSkillLevel ?? 1 }) : t('orderRequirement.noSkill')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('orderRequirement.serviceMinutes')}>
            {o.serviceMinutes != null ? formatMinutes(t, o.serviceMinutes) : '—'}
          </Descriptions.Item>
          {o.plannedArrivalAt ? (
            <Descriptions.Item label={t('orderRequirement.plannedVisit')}>
              <span data-testid="requirement-planned">
                {o.routeSequence != null
                  ? t('orderRequirement.plannedStop', { n: o.routeSequence, time: formatInstant(o.plannedArrivalAt) })
                  : formatInstant(o.plannedArrivalAt)}
              </span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {dispatcher ? (
          <Button icon={<TeamOutlined />} onClick={() => setSuggesting(true)} data-testid="order-suggest">
            {t('orderRequirement.suggest')}
          </Button>
        ) : null}
      </Flex>
      {editing ? <RequirementModal order={o} onClose={() => setEditing(false)} /> : null}
      {suggesting ? <CandidatesDrawer order={o} canAssign={canAssign} onClose={() => setSuggesting(false)} /> : null}
    </Card>
  );
}
