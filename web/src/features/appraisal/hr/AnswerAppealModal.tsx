import { App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { useAnswerAppeal } from '../api.ts';
import type { ResultDetail } from '../types.ts';
import { score } from './labels.ts';

interface AnswerValues {
  outcome: 'upheld' | 'adjusted';
  answer: string;
  score?: number;
}

/** P5.2: HR answers the employee's appeal: the result upheld, or adjusted to a new score. */
export function AnswerAppealModal({ result, onClose, onReload }: { result: ResultDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<AnswerValues>();
  const outcome = Form.useWatch('outcome', form);
  const answer = useAnswerAppeal();
  const appeal = result.appeals.find((a) => a.status === 'open');
  return (
    <FormModal<AnswerValues>
      title={t('appraisalHr.answer.title', { name: result.employee.name, label: result.periodLabel })}
      form={form}
      submitting={answer.isPending}
      okText={t('appraisalHr.answer.ok')}
      submitTestId="answer-submit"
      initialValues={{ outcome: 'upheld', score: result.calibratedScore ?? result.composite ?? undefined }}
      onCancel={onClose}
      onFinish={(v) =>
        answer.mutate(
          {
            id: result.id,
            version: result.version,
            outcome: v.outcome,
            answer: v.answer.trim(),
            ...(v.outcome === 'adjusted' && v.score !== undefined ? { score: v.score } : {}),
          },
          {
            onSuccess: () => {
              message.success(t('appraisalHr.answer.done'));
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
      {appeal ? (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('appraisalHr.answer.appeal')}</Typography.Text> {appeal.reason}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary">
        {t('appraisalHr.answer.current', { score: score(result.calibratedScore ?? result.composite), grade: result.grade ?? result.computedGrade ?? '—' })}
      </Typography.Paragraph>
      <Form.Item name="outcome" label={t('appraisalHr.answer.outcome')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          options={[
            { value: 'upheld', label: t('appraisalHr.answer.upheld') },
            { value: 'adjusted', label: t('appraisalHr.answer.adjusted') },
          ]}
          data-testid="answer-outcome"
        />
      </Form.Item>
      {outcome === 'adjusted' ? (
        <Form.Item name="score" label={t('appraisalHr.answer.score')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: '100%' }} data-testid="answer-score" />
        </Form.Item>
      ) : null}
      <Form.Item name="answer" label={t('appraisalHr.answer.text')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 4000 }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount data-testid="answer-text" />
      </Form.Item>
    </FormModal>
  );
}
