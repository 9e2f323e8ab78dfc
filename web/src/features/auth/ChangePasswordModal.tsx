import { App, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const change = useMutation({
    mutationFn: (values: Values) =>
      api.post<void>('/auth/change-password', { currentPassword: values.currentPassword, newPassword: values.newPassword }),
  });
  return (
    <FormModal<Values>
      title={t('auth.changePassword')}
      form={form}
      submitting={change.isPending}
      onCancel={onClose}
      onFinish={(values) =>
        change.mutate(values, {
          onSuccess: () => {
            message.success(t('auth.passwordChanged'));
            onClose();
          },
          onError: (error) => {
            if (isApiError(error) && error.code === 'auth.invalid_credentials') {
              form.setFields([{ name: 'currentPassword', errors: [error.title || t('auth.wrongCurrentPassword')] }]);
              return;
            }
            showError(error, { form });
          },
        })
      }
    >
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <NewPasswordFields />
    </FormModal>
  );
}
