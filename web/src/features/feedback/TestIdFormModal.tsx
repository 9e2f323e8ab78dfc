import { Button, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../lib/useIsMobile.ts';

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  submitting: boolean;
  onCancel: () => void;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  okText: ReactNode;
  /** The submit button's data-testid (browser tests). */
  submitTestId: string;
  children: ReactNode;
}

/** A dialog with one vertical form (like FormModal), full width on a phone, with its own submit test id. */
export function TestIdFormModal<V>({ title, form, submitting, onCancel, onFinish, initialValues, okText, submitTestId, children }: Props<V>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      open
      title={title}
      width={mobile ? '100%' : 600}
      style={mobile ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={submitting} onClick={() => form.submit()} data-testid={submitTestId}>
          {okText}
        </Button>,
      ]}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError>
        {children}
      </Form>
    </Modal>
  );
}
