import { Button, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../lib/useIsMobile.ts';

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
  /** The submit button's data-testid, for browser tests; `form-submit` by default. */
  submitTestId?: string;
  children: ReactNode;
}

/** A dialog holding one vertical form, full width on a phone; the parent mounts it only while it is open. */
export function FormModal<V>({ title, form, submitting, onCancel, onFinish, initialValues, okText, okDanger, width, submitTestId, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      open
      title={title}
      width={mobile ? '100%' : (width ?? 560)}
      style={mobile ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger={okDanger} loading={submitting} onClick={() => form.submit()} data-testid={submitTestId ?? 'form-submit'}>
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
