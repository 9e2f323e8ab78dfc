import { Button, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps<V> {
  title: ReactNode;
  form: FormInstance<V>;
  submitting: boolean;
  onCancel: () => void;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  okText?: ReactNode;
  okDanger?: boolean;
  width?: number;
  children: ReactNode;
}

/** A dialog holding one vertical form; the parent mounts it only while it is open. */
export function FormModal<V>({ title, form, submitting, onCancel, onFinish, initialValues, okText, okDanger, width, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      width={width ?? 560}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger={okDanger} loading={submitting} onClick={() => form.submit()} data-testid="form-submit">
          {okText ?? t('common.save')}
        </Button>,
      ]}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError>
        {children}
      </Form>
    </Modal>
  );
}
