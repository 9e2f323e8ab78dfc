import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { useSavePart } from './api.ts';
import { fenToYuan, yuanToFen } from './money.ts';
import type { Part } from './types.ts';

type Values = { partNo: string; name: string; models: string[]; unit: string; unitCostYuan: number };

/** Creates a part (no `part`) or edits one, with the version it was read at. */
export function PartFormModal({ part, onClose, onReload }: { part: Part | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSavePart();
  const showError = useApiError();
  const initialValues: Partial<Values> = part
    ? { partNo: part.partNo, name: part.name, models: part.models, unit: part.unit, unitCostYuan: fenToYuan(part.unitCostFen) }
    : { models: [], unit: t('stock.defaultUnit') };
  const onFinish = (v: Values) => {
    const input = { partNo: v.partNo.trim(), name: v.name.trim(), models: v.models, unit: v.unit.trim(), unitCostFen: yuanToFen(v.unitCostYuan) };
    save.mutate(
      { id: part?.id, input: part ? { ...input, version: part.version } : input },
      {
        onSuccess: onClose,
        onError: (error) => showError(error, { form, mapField: (f) => (f === 'unitCostFen' ? 'unitCostYuan' : f), onReload }),
      },
    );
  };
  return (
    <FormModal<Values>
      title={part ? t('stock.editPart') : t('stock.newPart')}
      form={form}
      submitting={save.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={initialValues}
    >
      <Form.Item
        name="partNo"
        label={t('stock.partNo')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { pattern: /^[A-Za-z0-9._/-]+$/, message: t('stock.partNoPattern') },
        ]}
      >
        <Input maxLength={40} data-testid="part-no" />
      </Form.Item>
      <Form.Item name="name" label={t('stock.partName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={100} data-testid="part-name" />
      </Form.Item>
      <Form.Item name="models" label={t('stock.models')} extra={t('stock.modelsHint')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} data-testid="part-models" />
      </Form.Item>
      <Form.Item name="unit" label={t('stock.unit')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={10} data-testid="part-unit" />
      </Form.Item>
      <Form.Item name="unitCostYuan" label={t('stock.unitCostYuan')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={0} max={100_000_000} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="part-cost" />
      </Form.Item>
    </FormModal>
  );
}
