import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { NewPasswordFields } from '../auth/NewPasswordFields.tsx';
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
      <NewPasswordFields testId="reset-password" />
    </FormModal>
  );
}
