import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { useResetPassword } from './api.ts';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword(user.id);
  return (
    <FormModal<Values>
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      form={form}
      submitting={reset.isPending}
      onCancel={onClose}
      onFinish={(v) =>
        reset.mutate(v.newPassword, {
          onSuccess: () => {
            message.success(t('users.passwordReset'));
            onClose();
          },
          onError: (error) => showError(error, { form }),
        })
      }
    >
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 8, max: 128, message: t('validation.passwordLength') },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="reset-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
