import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, Customer } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PHONE_PATTERN } from '../../components/patterns.ts';
import { useSaveContact } from './api.ts';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

interface Values {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  isPrimary?: boolean;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function ContactModal({ customer, contact, onClose, onReload }: { customer: Customer; contact?: Contact; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveContact(customer.id);
  const saved = useSaveFeedback(form, { onClose, onReload });

  const onFinish = (v: Values) => {
    const input = {
      name: v.name.trim(),
      title: contact ? blank(v.title) : (blank(v.title) ?? undefined),
      phone: contact ? blank(v.phone) : (blank(v.phone) ?? undefined),
      email: contact ? blank(v.email) : (blank(v.email) ?? undefined),
      isPrimary: Boolean(v.isPrimary),
    };
    save.mutate({ itemId: contact?.id, version: contact?.version, input }, saved);
  };

  return (
    <FormModal<Values>
      title={contact ? t('customers.editContact') : t('customers.addContact')}
      form={form}
      submitting={save.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={
        contact
          ? { name: contact.name, title: contact.title ?? '', phone: contact.phone ?? '', email: contact.email ?? '', isPrimary: contact.isPrimary }
          : { isPrimary: customer.contacts.length === 0 }
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('customers.contactName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}>
            <Input data-testid="contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="title" label={t('customers.contactTitle')} rules={[{ max: 50 }]}>
            <Input data-testid="contact-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('common.phone')} rules={[{ max: 32 }, { pattern: PHONE_PATTERN, message: t('validation.phone') }]}>
            <Input type="tel" inputMode="tel" data-testid="contact-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('common.email')} rules={[{ type: 'email', message: t('validation.email') }, { max: 254 }]}>
            <Input type="email" inputMode="email" data-testid="contact-email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="isPrimary" valuePropName="checked">
        <Checkbox data-testid="contact-primary">{t('customers.primaryContact')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
