import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The new password and its confirmation, as form fields `newPassword` and `confirmPassword`.
 * Shared by changing one's own password and an administrator's reset.
 */
export function NewPasswordFields({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 8, max: 128, message: t('validation.passwordLength') },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={testId} />
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
    </>
  );
}
