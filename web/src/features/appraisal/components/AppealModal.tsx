import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { useAppeal } from '../api.ts';
import type { ResultDetail } from '../types.ts';

/** The employee appeals a published result (P5.2): the reason is required; HR reviews and answers it. */
export function AppealModal({ result, onClose, onReload }: { result: ResultDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const appeal = useAppeal();
  return (
    <FormModal
      title={t('appraisal.appeal.title', { label: result.periodLabel })}
      form={form}
      submitting={appeal.isPending}
      okText={t('appraisal.appeal.submit')}
      submitTestId="appeal-submit"
      onCancel={onClose}
      onFinish={(v) =>
        appeal.mutate(
          { id: result.id, version: result.version, reason: v.reason.trim() },
          {
            onSuccess: () => {
              message.success(t('appraisal.appeal.sent'));
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
        {result.deadlines.appealDueOn ? t('appraisal.appeal.introDue', { date: result.deadlines.appealDueOn }) : t('appraisal.appeal.intro')}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t('appraisal.appeal.reason')} rules={[{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 4000 }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount autoFocus data-testid="appeal-reason" />
      </Form.Item>
    </FormModal>
  );
}
