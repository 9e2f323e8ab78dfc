import { App, Col, Form, Input, Row, Select, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Customer, PortalIntakeInput, Priority, WorkOrder } from '../../api/types.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useLabels } from '../../components/labels.ts';
import { useApiError } from '../../components/useApiError.tsx';
import { instantFromPicker } from '../../lib/time.ts';
import { useReportFault } from '../work-orders/api.ts';
import { AttachmentUpload, toAttachmentInputs, uploadValue } from '../work-orders/attachments.tsx';
import { type PreferredWindow, PreferredWindowPicker, useWindowOrderRule } from '../work-orders/PreferredWindowPicker.tsx';

interface Values {
  siteId?: string;
  productId?: string;
  contactId?: string;
  title: string;
  description: string;
  category: Category;
  priority: Priority;
  preferred?: PreferredWindow;
  photos?: UploadFile[];
}

function formField(field: string): string {
  if (field === 'preferredFrom' || field === 'preferredTo') return 'preferred';
  if (field.startsWith('attachments')) return 'photos';
  return field;
}

/** A customer reports a fault for one of their own sites or products, with photos. */
export function ReportFaultDrawer({ customer, onClose, onReported }: { customer: Customer; onClose: () => void; onReported: (order: WorkOrder) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const report = useReportFault();
  const [reading, setReading] = useState(false);
  const siteId = Form.useWatch('siteId', form);
  const products = customer.products.filter((p) => !siteId || !p.siteId || p.siteId === siteId);
  const required = { required: true, message: t('validation.required') };
  const windowOrder = useWindowOrderRule();

  const onFinish = async (v: Values) => {
    setReading(true);
    let attachments: PortalIntakeInput['attachments'];
    try {
      attachments = await toAttachmentInputs(v.photos);
    } finally {
      setReading(false);
    }
    report.mutate(
      {
        siteId: v.siteId ?? null,
        productId: v.productId ?? null,
        contactId: v.contactId ?? null,
        title: v.title.trim(),
        description: v.description.trim(),
        category: v.category,
        priority: v.priority,
        preferredFrom: instantFromPicker(v.preferred?.[0]),
        preferredTo: instantFromPicker(v.preferred?.[1]),
        attachments,
      },
      {
        onSuccess: (order) => {
          message.success(t('portal.reported', { number: order.number }));
          onReported(order);
        },
        onError: (error) => showError(error, { form, mapField: formField }),
      },
    );
  };

  return (
    <FormDrawer<Values>
      title={t('portal.reportFault')}
      form={form}
      submitting={report.isPending || reading}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{
        category: 'fault_repair',
        priority: 'normal',
        siteId: customer.sites.length === 1 ? customer.sites[0]?.id : undefined,
        productId: customer.products.length === 1 ? customer.products[0]?.id : undefined,
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="siteId" label={t('workOrders.site')}>
            <Select
              allowClear
              placeholder={t('customers.noSite')}
              options={customer.sites.map((s) => ({ value: s.id, label: `${s.name} · ${s.address}` }))}
              data-testid="portal-site"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="productId" label={t('workOrders.product')}>
            <Select
              allowClear
              placeholder={t('console.chooseProduct')}
              options={products.map((p) => ({ value: p.id, label: `${p.productName} · ${p.model} · ${p.serialNumber}` }))}
              onChange={(id?: string) => {
                const product = customer.products.find((p) => p.id === id);
                if (product?.siteId) form.setFieldValue('siteId', product.siteId);
              }}
              data-testid="portal-product"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('portal.faultTitle')} rules={[{ ...required, whitespace: true }, { max: 120 }]}>
        <Input maxLength={120} placeholder={t('portal.faultTitlePlaceholder')} data-testid="portal-title" />
      </Form.Item>
      <Form.Item name="description" label={t('portal.faultDescription')} rules={[{ ...required, whitespace: true }, { max: 8000 }]}>
        <Input.TextArea rows={5} maxLength={8000} placeholder={t('portal.faultDescriptionPlaceholder')} data-testid="portal-description" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="category" label={t('workOrders.category')} rules={[required]}>
            <Select options={labels.categoryOptions} data-testid="portal-category" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="priority" label={t('portal.urgency')} rules={[required]}>
            <Select options={labels.priorityOptions} data-testid="portal-priority" />
          </Form.Item>
        </Col>
      </Row>
      {customer.contacts.length > 0 ? (
        <Form.Item name="contactId" label={t('portal.contactPerson')}>
          <Select
            allowClear
            options={customer.contacts.map((c) => ({ value: c.id, label: `${c.name}${c.phone ? ` · ${c.phone}` : ''}` }))}
            data-testid="portal-contact"
          />
        </Form.Item>
      ) : null}
      <div data-testid="portal-preferred">
        <Form.Item
          name="preferred"
          label={t('portal.preferredWindow')}
          rules={[windowOrder]}
        >
          <PreferredWindowPicker />
        </Form.Item>
      </div>
      <Form.Item name="photos" label={t('portal.photos')} valuePropName="fileList" getValueFromEvent={uploadValue} extra={t('portal.photosHint')}>
        <AttachmentUpload photos data-testid="portal-photos" />
      </Form.Item>
    </FormDrawer>
  );
}
