import { DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmployeePicker } from '../../components/pickers.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant, instantFromPicker, pickerNow } from '../../lib/time.ts';
import { useAddFollowUp, useCompleteFollowUp } from './api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { FollowUp } from './types.ts';

/** A dispatcher or the assignee adds a follow-up to an order (P4.4.3); assignee and due date default on the server. */
export function AddFollowUpModal({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<{ title: string; assigneeId?: string | null; dueAt?: Dayjs | null }>();
  const add = useAddFollowUp(orderId);
  return (
    <FormModal
      title={t('followUps.add')}
      form={form}
      submitting={add.isPending}
      okText={t('followUps.add')}
      submitTestId="followup-add-submit"
      onCancel={onClose}
      onFinish={(v) => {
        const dueAt = instantFromPicker(v.dueAt);
        add.mutate(
          { title: v.title.trim(), ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}), ...(dueAt ? { dueAt } : {}) },
          { onSuccess: onClose, onError: (error) => showError(error, { form }) },
        );
      }}
    >
      <Form.Item name="title" label={t('followUps.titleLabel')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
        <Input maxLength={200} data-testid="followup-title" />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('followUps.assignee')} extra={t('followUps.assigneeHint')}>
        <EmployeePicker placeholder={t('followUps.assigneeDefault')} />
      </Form.Item>
      <Form.Item name="dueAt" label={t('followUps.due')} extra={t('followUps.dueHint')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(pickerNow(), 'day')} data-testid="followup-due" />
      </Form.Item>
    </FormModal>
  );
}

/** The assignee records what was done; the outcome is required (P4.4.3). */
export function CompleteFollowUpModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<{ outcome: string }>();
  const complete = useCompleteFollowUp();
  return (
    <FormModal
      title={t('followUps.complete')}
      form={form}
      submitting={complete.isPending}
      okText={t('followUps.complete')}
      submitTestId="followup-complete-submit"
      onCancel={onClose}
      onFinish={(v) =>
        complete.mutate({ id: followUp.id, version: followUp.version, outcome: v.outcome.trim() }, { onSuccess: onClose, onError: (error) => showError(error, { form }) })
      }
    >
      <Typography.Paragraph>
        <strong>{followUp.title}</strong>
        <br />
        <Typography.Text type="secondary">{t('followUps.dueOn', { at: formatInstant(followUp.dueAt) })}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="outcome" label={t('followUps.outcome')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="followup-outcome" />
      </Form.Item>
    </FormModal>
  );
}
