import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';
import { instantFromPicker, pickerFromInstant } from '../../lib/time.ts';
import type { LeaveRecord } from '../dispatch/types.ts';
import { useAddLeave } from './api.ts';

export const LEAVE_KINDS: readonly LeaveRecord['kind'][] = ['annual', 'sick', 'personal', 'training', 'other'];

interface LeaveValues {
  employeeId: string;
  kind: LeaveRecord['kind'];
  startsAt: Dayjs;
  endsAt: Dayjs;
  note?: string;
}

/** Leave for one technician of the team, from one instant to another (company time zone). */
export function LeaveModal({
  technicians,
  initial,
  onClose,
  onReload,
}: {
  technicians: Employee[];
  initial: { employeeId?: string; startsAt: string; endsAt: string };
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LeaveValues>();
  const add = useAddLeave();
  const feedback = useSaveFeedback<LeaveRecord>(form, { onClose, onReload });
  const required = { required: true, message: t('validation.required') };
  const picker = { showTime: { format: 'HH:mm', minuteStep: 15 as const }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } };

  return (
    <FormModal<LeaveValues>
      title={t('workingTime.leave.add')}
      form={form}
      submitting={add.isPending}
      onCancel={onClose}
      okText={t('workingTime.leave.add')}
      submitTestId="wt-leave-save"
      initialValues={{ employeeId: initial.employeeId, kind: 'annual', startsAt: pickerFromInstant(initial.startsAt), endsAt: pickerFromInstant(initial.endsAt) }}
      onFinish={(v) =>
        add.mutate(
          {
            employeeId: v.employeeId,
            kind: v.kind,
            startsAt: instantFromPicker(v.startsAt) ?? '',
            endsAt: instantFromPicker(v.endsAt) ?? '',
            note: v.note?.trim() || null,
          },
          feedback,
        )
      }
    >
      <Form.Item name="employeeId" label={t('workingTime.technician')} rules={[required]}>
        <Select
          options={technicians.map((e) => ({ value: e.id, label: `${e.name} (${e.employeeNo})` }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="wt-leave-employee"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('workingTime.leave.kind')} rules={[required]}>
        <Select options={LEAVE_KINDS.map((k) => ({ value: k, label: t(`workingTime.leaveKind.${k}`) }))} data-testid="wt-leave-kind" />
      </Form.Item>
      <Form.Item name="startsAt" label={t('workingTime.leave.from')} rules={[required]} extra={t('workingTime.companyTime')}>
        <DatePicker {...picker} data-testid="wt-leave-from" />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('workingTime.leave.to')}
        dependencies={['startsAt']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const from = getFieldValue('startsAt') as Dayjs | undefined;
              return value && from && !value.isAfter(from) ? Promise.reject(new Error(t('workingTime.leave.endBeforeStart'))) : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker {...picker} data-testid="wt-leave-to" />
      </Form.Item>
      <Form.Item name="note" label={t('workingTime.leave.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="wt-leave-note" />
      </Form.Item>
    </FormModal>
  );
}
