import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmployeePicker } from '../../../components/pickers.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useSaveFeedback } from '../../../components/useSaveFeedback.ts';
import { todayInCompany, toDateString } from '../../../lib/time.ts';
import { useAddGrowth } from '../hr-api.ts';
import type { GrowthKind, GrowthRecord } from '../types.ts';
import { GROWTH_KINDS, useHrLabels } from './labels.ts';

interface GrowthValues {
  employeeId: string;
  kind: GrowthKind;
  occurredOn: Dayjs;
  title: string;
  hours?: number;
  score?: number;
  passed?: boolean;
  accepted?: boolean;
  note?: string;
}

/**
 * A growth record (P5.1.4): training hours, an exam (score, passed), a certificate gained, an
 * innovation proposal (accepted or not). Entered by HR and supervisors until the training module feeds them.
 */
export function GrowthModal({ onClose, onReload, onSaved }: { onClose: () => void; onReload: () => void; onSaved: (record: GrowthRecord) => void }) {
  const { t } = useTranslation();
  const labels = useHrLabels();
  const [form] = Form.useForm<GrowthValues>();
  const kind = Form.useWatch('kind', form);
  const add = useAddGrowth();
  const feedback = useSaveFeedback<GrowthRecord>(form, {
    onClose,
    onReload,
    onSaved: (record) => {
      onSaved(record);
      onClose();
    },
  });
  const required = { required: true, message: t('validation.required') };
  const today = todayInCompany();
  return (
    <FormModal<GrowthValues>
      title={t('appraisalHr.growth.add')}
      form={form}
      submitting={add.isPending}
      okText={t('appraisalHr.growth.add')}
      submitTestId="growth-save"
      initialValues={{ kind: 'training', occurredOn: dayjs(today), passed: true, accepted: true }}
      onCancel={onClose}
      onFinish={(v) =>
        add.mutate(
          {
            employeeId: v.employeeId,
            kind: v.kind,
            occurredOn: toDateString(v.occurredOn) ?? today,
            title: v.title.trim(),
            ...(v.kind === 'training' ? { hours: v.hours } : {}),
            ...(v.kind === 'exam' ? { passed: Boolean(v.passed), ...(v.score !== undefined && v.score !== null ? { score: v.score } : {}) } : {}),
            ...(v.kind === 'innovation' ? { accepted: Boolean(v.accepted) } : {}),
            note: v.note?.trim() || null,
          },
          feedback,
        )
      }
    >
      <Form.Item name="employeeId" label={t('appraisalHr.employee')} rules={[required]} extra={t('appraisalHr.growth.employeeHelp')}>
        <EmployeePicker />
      </Form.Item>
      <Form.Item name="kind" label={t('appraisalHr.growth.kind')} rules={[required]}>
        <Select options={GROWTH_KINDS.map((k) => ({ value: k, label: labels.growthKind(k) }))} data-testid="growth-kind" />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('appraisalHr.growth.date')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="growth-date" />
      </Form.Item>
      <Form.Item name="title" label={t('appraisalHr.growth.title')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input maxLength={200} data-testid="growth-title" />
      </Form.Item>
      {kind === 'training' ? (
        <Form.Item name="hours" label={t('appraisalHr.growth.hours')} rules={[required]}>
          <InputNumber min={0.5} max={1000} step={0.5} style={{ width: '100%' }} data-testid="growth-hours" />
        </Form.Item>
      ) : null}
      {kind === 'exam' ? (
        <>
          <Form.Item name="score" label={t('appraisalHr.growth.score')}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid="growth-score" />
          </Form.Item>
          <Form.Item name="passed" label={t('appraisalHr.growth.passed')} valuePropName="checked">
            <Switch data-testid="growth-passed" />
          </Form.Item>
        </>
      ) : null}
      {kind === 'innovation' ? (
        <Form.Item name="accepted" label={t('appraisalHr.growth.accepted')} valuePropName="checked">
          <Switch data-testid="growth-accepted" />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('appraisalHr.growth.note')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
