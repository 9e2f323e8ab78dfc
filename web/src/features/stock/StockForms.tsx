import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { TechnicianPicker } from '../work-orders/TechnicianPicker.tsx';
import { useAdjust, useReceive, useTransfer } from './api.ts';
import { PartPicker } from './PartPicker.tsx';
import type { StockLocation } from './types.ts';

// The stock manager's forms (P4.3.1): receive into the warehouse, adjust a count with a reason,
// restock a technician's van from the warehouse.

const quantityRules = (t: (key: string) => string) => [
  { required: true, message: t('validation.required') },
  { type: 'integer' as const, min: 1, message: t('stock.quantityPositive') },
];

export function ReceiveModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ partId: string; quantity: number; note?: string }>();
  const receive = useReceive();
  const showError = useApiError();
  return (
    <FormModal
      title={t('stock.receive')}
      form={form}
      submitting={receive.isPending}
      okText={t('stock.receive')}
      onCancel={onClose}
      onFinish={(v) => receive.mutate({ partId: v.partId, quantity: v.quantity, note: v.note?.trim() || null }, { onSuccess: onClose, onError: (e) => showError(e, { form }) })}
    >
      <Form.Item name="partId" label={t('stock.part')} rules={[{ required: true, message: t('validation.required') }]}>
        <PartPicker data-testid="receive-part" />
      </Form.Item>
      <Form.Item name="quantity" label={t('stock.quantity')} rules={quantityRules(t)}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="receive-qty" />
      </Form.Item>
      <Form.Item name="note" label={t('stock.note')}>
        <Input maxLength={500} data-testid="receive-note" />
      </Form.Item>
    </FormModal>
  );
}

export function AdjustModal({ location, partId, onClose }: { location: StockLocation; partId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ partId: string; delta: number; reason: string }>();
  const adjust = useAdjust();
  const showError = useApiError();
  return (
    <FormModal
      title={t('stock.adjust')}
      form={form}
      submitting={adjust.isPending}
      onCancel={onClose}
      initialValues={{ partId }}
      onFinish={(v) =>
        adjust.mutate({ locationId: location.id, partId: v.partId, delta: v.delta, reason: v.reason.trim() }, { onSuccess: onClose, onError: (e) => showError(e, { form }) })
      }
    >
      <Form.Item name="partId" label={t('stock.part')} rules={[{ required: true, message: t('validation.required') }]}>
        <PartPicker data-testid="adjust-part" />
      </Form.Item>
      <Form.Item
        name="delta"
        label={t('stock.delta')}
        extra={t('stock.deltaHint')}
        rules={[
          { required: true, message: t('validation.required') },
          { validator: (_, v) => (v === 0 ? Promise.reject(new Error(t('stock.deltaNonZero'))) : Promise.resolve()) },
        ]}
      >
        <InputNumber precision={0} style={{ width: '100%' }} data-testid="adjust-delta" />
      </Form.Item>
      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('validation.reasonRequired') }]}>
        <Input maxLength={500} data-testid="adjust-reason" />
      </Form.Item>
    </FormModal>
  );
}

export function TransferModal({ employeeId, onClose }: { employeeId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ partId: string; employeeId: string; quantity: number; note?: string }>();
  const transfer = useTransfer();
  const showError = useApiError();
  return (
    <FormModal
      title={t('stock.transfer')}
      form={form}
      submitting={transfer.isPending}
      okText={t('stock.transfer')}
      onCancel={onClose}
      initialValues={{ employeeId }}
      onFinish={(v) =>
        transfer.mutate(
          { partId: v.partId, employeeId: v.employeeId, quantity: v.quantity, note: v.note?.trim() || null },
          { onSuccess: onClose, onError: (e) => showError(e, { form }) },
        )
      }
    >
      <Form.Item name="employeeId" label={t('stock.technician')} rules={[{ required: true, message: t('validation.required') }]}>
        <TechnicianPicker data-testid="transfer-technician" />
      </Form.Item>
      <Form.Item name="partId" label={t('stock.part')} rules={[{ required: true, message: t('validation.required') }]}>
        <PartPicker data-testid="transfer-part" />
      </Form.Item>
      <Form.Item name="quantity" label={t('stock.quantity')} rules={quantityRules(t)}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="transfer-qty" />
      </Form.Item>
      <Form.Item name="note" label={t('stock.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
