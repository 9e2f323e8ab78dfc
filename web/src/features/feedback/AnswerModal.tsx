import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../components/useApiError.tsx';
import { useFeedbackTransition } from './api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { Feedback } from './types.ts';

/** The department's answer to the raiser (P4.4.3): required text, sent with the version it read. */
export function AnswerModal({ feedback, onClose, onReload }: { feedback: Feedback; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<{ answer: string }>();
  const move = useFeedbackTransition(feedback.id);
  return (
    <FormModal
      title={t('feedback.answerTitle', { number: feedback.number })}
      form={form}
      submitting={move.isPending}
      okText={t('feedback.action.answer')}
      submitTestId="feedback-answer-submit"
      onCancel={onClose}
      onFinish={(v) =>
        move.mutate(
          { action: 'answer', version: feedback.version, answer: v.answer.trim() },
          { onSuccess: onClose, onError: (error) => showError(error, { form, onReload }) },
        )
      }
    >
      <Form.Item name="answer" label={t('feedback.answer')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 4000 }]}>
        <Input.TextArea rows={6} maxLength={4000} data-testid="feedback-answer-text" />
      </Form.Item>
    </FormModal>
  );
}
