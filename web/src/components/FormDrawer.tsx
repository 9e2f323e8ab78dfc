import { Button, Drawer, Form, type FormInstance, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../lib/useIsMobile.ts';

interface FormDrawerProps<V> {
  title: ReactNode;
  form: FormInstance<V>;
  submitting: boolean;
  onClose: () => void;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  children: ReactNode;
}

/** A side panel holding a long form; full width on phones. The parent mounts it while open. */
export function FormDrawer<V>({ title, form, submitting, onClose, onFinish, initialValues, children }: FormDrawerProps<V>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Drawer
      open
      title={title}
      size={mobile ? '100%' : 720}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError>
        {children}
      </Form>
    </Drawer>
  );
}
