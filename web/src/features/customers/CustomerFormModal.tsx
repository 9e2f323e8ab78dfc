import { Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerKind } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PHONE_PATTERN } from '../../components/patterns.ts';
import { useLabels } from '../../components/labels.ts';
import { customerKeys, useCreateCustomer, useUpdateCustomer } from './api.ts';
import { SiteFields, type SiteFormValues } from './SiteFields.tsx';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

interface Values {
  kind: CustomerKind;
  name: string;
  phone?: string;
  email?: string;
  notes?: string;
  withSite?: boolean;
  sites?: SiteFormValues[];
}

interface CustomerFormModalProps {
  /** The customer to edit; a new one when absent. */
  customer?: Customer;
  onClose: () => void;
  onSaved: (customer: Customer) => void;
  /** Prefills a new customer (the name or phone an agent searched for). */
  defaults?: { name?: string; phone?: string };
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function CustomerFormModal({ customer, onClose, onSaved, defaults }: CustomerFormModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const withSite = Form.useWatch('withSite', form);
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');

  const handlers = useSaveFeedback<Customer>(form, {
    onClose,
    onSaved,
    onReload: () => {
      if (customer) void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id) });
    },
  });

  const onFinish = (v: Values) => {
    if (customer) {
      update.mutate(
        { version: customer.version, kind: v.kind, name: v.name.trim(), phone: blank(v.phone), email: blank(v.email), notes: blank(v.notes) },
        handlers,
      );
      return;
    }
    const site = v.withSite ? v.sites?.[0] : undefined;
    create.mutate(
      {
        kind: v.kind,
        name: v.name.trim(),
        phone: blank(v.phone) ?? undefined,
        email: blank(v.email) ?? undefined,
        notes: blank(v.notes) ?? undefined,
        sites: site
          ? [
              {
                name: site.name.trim(),
                address: site.address.trim(),
                city: site.city.trim(),
                latitude: site.latitude ?? 0,
                longitude: site.longitude ?? 0,
              },
            ]
          : undefined,
      },
      handlers,
    );
  };

  return (
    <FormModal<Values>
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.create')}
      form={form}
      width={720}
      submitting={create.isPending || update.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={
        customer
          ? { kind: customer.kind, name: customer.name, phone: customer.phone ?? '', email: customer.email ?? '', notes: customer.notes ?? '' }
          : { kind: 'company', withSite: false, name: defaults?.name, phone: defaults?.phone }
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('customers.kind')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.customerKindOptions} data-testid="customer-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('customers.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
            <Input data-testid="customer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('common.phone')} rules={[{ max: 32 }, { pattern: PHONE_PATTERN, message: t('validation.phone') }]}>
            <Input type="tel" inputMode="tel" data-testid="customer-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('common.email')} rules={[{ type: 'email', message: t('validation.email') }, { max: 254 }]}>
            <Input type="email" inputMode="email" data-testid="customer-email" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('customers.notes')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="customer-notes" />
          </Form.Item>
        </Col>
      </Row>
      {customer ? null : (
        <>
          <Form.Item name="withSite" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="customer-with-site">{t('customers.addFirstSite')}</Checkbox>
          </Form.Item>
          {withSite ? (
            <>
              <Divider titlePlacement="start">{t('customers.firstSite')}</Divider>
              <SiteFields prefix={['sites', 0]} />
            </>
          ) : null}
        </>
      )}
    </FormModal>
  );
}
