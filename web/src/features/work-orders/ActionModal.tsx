import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WoAction } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useLabels } from '../../components/labels.ts';
import { instantFromPicker, pickerNow } from '../../lib/time.ts';
import { TeamSelect } from '../people/TeamSelect.tsx';
import { TechnicianPicker } from './TechnicianPicker.tsx';
import { type OrderRef, useRunAction } from './useRunAction.tsx';

interface Values {
  assigneeId?: string;
  teamId?: string;
  note?: string;
  reason?: string;
  solution?: string;
  resolution?: string;
  signerName?: string;
  visitAt?: Dayjs;
  expectedArrivalAt?: Dayjs;
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The payload an action's form produces (core ACTION_PAYLOADS). */
function payloadOf(action: WoAction, v: Values): Record<string, unknown> {
  switch (action) {
    case 'assign':
      return { assigneeId: v.assigneeId, note: trimmed(v.note) };
    case 'reassign':
      return { assigneeId: v.assigneeId, reason: trimmed(v.reason) };
    case 'publish':
      return { teamId: v.teamId };
    case 'propose_solution':
      return { solution: trimmed(v.solution) };
    case 'resolve_remotely':
    case 'complete_work':
      return { resolution: trimmed(v.resolution) };
    case 'schedule_visit':
      return { visitAt: instantFromPicker(v.visitAt), note: trimmed(v.note) };
    case 'depart':
      return { expectedArrivalAt: instantFromPicker(v.expectedArrivalAt) };
    case 'customer_refuse':
      return { reason: trimmed(v.reason), signerName: trimmed(v.signerName) };
    case 'settle_refusal':
      return { note: trimmed(v.note) };
    case 'hold':
      return { reason: v.reason, note: trimmed(v.note) };
    case 'cancel':
    case 'reopen':
      return { reason: trimmed(v.reason) };
    default:
      return {};
  }
}

interface ActionModalProps {
  order: OrderRef & { teamId?: string | null; solution?: string | null };
  action: WoAction;
  /** Prefills the solution (an agreed consultation's). */
  suggestedSolution?: string | null;
  onClose: () => void;
}

/** The small form one action needs; sends it with the order's version. */
export function ActionModal({ order, action, suggestedSolution, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const { run, pending } = useRunAction();
  const required = { required: true, message: t('validation.required') };
  const text = (name: keyof Values, label: string, options: { required?: boolean; max: number; rows?: number }) => (
    <Form.Item
      name={name}
      label={label}
      rules={[...(options.required ? [{ ...required, whitespace: true }] : []), { max: options.max }]}
    >
      <Input.TextArea rows={options.rows ?? 3} maxLength={options.max} showCount autoFocus data-testid={`payload-${name}`} />
    </Form.Item>
  );
  const when = (name: 'visitAt' | 'expectedArrivalAt', label: string) => (
    <Form.Item name={name} label={label} rules={[required]} extra={t('workOrders.companyTimeHint')}>
      <DatePicker
        showTime={{ format: 'HH:mm', minuteStep: 5 }}
        format="YYYY-MM-DD HH:mm"
        needConfirm={false}
        style={{ width: '100%' }}
        data-testid={`payload-${name}`}
      />
    </Form.Item>
  );

  const initialValues: Partial<Values> = {
    solution: suggestedSolution ?? order.solution ?? undefined,
    resolution: action === 'resolve_remotely' ? (order.solution ?? undefined) : undefined,
    expectedArrivalAt: action === 'depart' ? pickerNow().add(1, 'hour').minute(0) : undefined,
    teamId: action === 'publish' ? (order.teamId ?? undefined) : undefined,
  };

  return (
    <FormModal<Values>
      title={labels.woAction(action)}
      form={form}
      submitting={pending}
      okText={labels.woAction(action)}
      okDanger={action === 'cancel' || action === 'customer_refuse'}
      onCancel={onClose}
      initialValues={initialValues}
      onFinish={async (values) => {
        const done = await run(order, action, payloadOf(action, values), form, onClose);
        if (done) onClose();
      }}
    >
      {action === 'assign' || action === 'reassign' ? (
        <Form.Item name="assigneeId" label={t('workOrders.technician')} rules={[required]}>
          <TechnicianPicker data-testid="payload-assigneeId" />
        </Form.Item>
      ) : null}
      {action === 'assign' ? text('note', t('workOrders.note'), { max: 2000 }) : null}
      {action === 'reassign' ? text('reason', t('common.reason'), { required: true, max: 500 }) : null}
      {action === 'publish' ? (
        <Form.Item name="teamId" label={t('workOrders.team')} rules={[required]} extra={t('workOrders.publishHint')}>
          <TeamSelect placeholder={t('workOrders.chooseTeam')} />
        </Form.Item>
      ) : null}
      {action === 'propose_solution' ? text('solution', t('workOrders.solution'), { required: true, max: 4000, rows: 5 }) : null}
      {action === 'resolve_remotely' || action === 'complete_work' ? text('resolution', t('workOrders.resolution'), { required: true, max: 4000, rows: 5 }) : null}
      {action === 'schedule_visit' ? (
        <>
          {when('visitAt', t('workOrders.visitAt'))}
          {text('note', t('workOrders.note'), { max: 2000 })}
        </>
      ) : null}
      {action === 'depart' ? when('expectedArrivalAt', t('workOrders.expectedArrivalAt')) : null}
      {action === 'customer_refuse' ? (
        <>
          <Form.Item
            name="reason"
            label={t('acceptance.refuseReason')}
            extra={t('acceptance.refuseHint')}
            rules={[{ ...required, whitespace: true }, { max: 1000 }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount autoFocus data-testid="refuse-reason" />
          </Form.Item>
          <Form.Item name="signerName" label={t('acceptance.refuseSignerName')} rules={[{ max: 100 }]}>
            <Input maxLength={100} data-testid="refuse-signer-name" />
          </Form.Item>
        </>
      ) : null}
      {action === 'settle_refusal' ? text('note', t('acceptance.settleNote'), { required: true, max: 2000, rows: 4 }) : null}
      {action === 'hold' ? (
        <>
          <Form.Item name="reason" label={t('workOrders.holdReason')} rules={[required]} extra={t('workOrders.holdHint')}>
            <Select options={labels.holdReasonOptions} data-testid="payload-reason" />
          </Form.Item>
          {text('note', t('workOrders.note'), { required: true, max: 1000 })}
        </>
      ) : null}
      {action === 'cancel' ? text('reason', t('common.reason'), { required: true, max: 500 }) : null}
      {action === 'reopen' ? text('reason', t('common.reason'), { required: true, max: 1000 }) : null}
    </FormModal>
  );
}
