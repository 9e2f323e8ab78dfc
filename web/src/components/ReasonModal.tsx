import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from './FormModal.tsx';
import { useApiError } from './useApiError.tsx';

interface ReasonModalProps {
  title: ReactNode;
  intro?: ReactNode;
  okText: ReactNode;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
  onReload?: () => void;
  submitting: boolean;
}

/** Asks why before an action that needs a reason (deactivation); the reason is required. */
export function ReasonModal({ title, intro, okText, onCancel, onSubmit, onReload, submitting }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useApiError();
  return (
    <FormModal
      title={title}
      form={form}
      submitting={submitting}
      okText={okText}
      okDanger
      onCancel={onCancel}
      onFinish={async ({ reason }) => {
        try {
          await onSubmit(reason.trim());
          onCancel();
        } catch (error) {
          showError(error, {
            form,
            onReload: () => {
              onReload?.();
              onCancel();
            },
          });
        }
      }}
    >
      {intro ? <p>{intro}</p> : null}
      <Form.Item
        name="reason"
        label={t('common.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 200 }]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}
