import { App, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { useCalibrate } from '../api.ts';
import type { ResultDetail } from '../types.ts';
import { score } from './labels.ts';

interface CalibrateValues {
  score: number;
  reason: string;
}

/** P5.3.4: HR sets the score that counts, with the reason kept in the result's history. */
export function CalibrateModal({ result, onClose, onReload }: { result: ResultDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<CalibrateValues>();
  const calibrate = useCalibrate();
  return (
    <FormModal<CalibrateValues>
      title={t('appraisalHr.calibrate.title', { name: result.employee.name, label: result.periodLabel })}
      form={form}
      submitting={calibrate.isPending}
      okText={t('appraisalHr.calibrate.ok')}
      submitTestId="calibrate-submit"
      initialValues={{ score: result.calibratedScore ?? result.composite ?? undefined }}
      onCancel={onClose}
      onFinish={(v) =>
        calibrate.mutate(
          { id: result.id, version: result.version, score: v.score, reason: v.reason.trim() },
          {
            onSuccess: () => {
              message.success(t('appraisalHr.calibrate.done'));
              onClose();
            },
            onError: (error) =>
              showError(error, {
                form,
                onReload: () => {
                  onReload();
                  onClose();
                },
              }),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('appraisalHr.calibrate.current', { composite: score(result.composite), grade: result.computedGrade ?? '—' })}
      </Typography.Paragraph>
      <Form.Item name="score" label={t('appraisalHr.calibrate.score')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: '100%' }} data-testid="calibrate-score" />
      </Form.Item>
      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="calibrate-reason" />
      </Form.Item>
    </FormModal>
  );
}
