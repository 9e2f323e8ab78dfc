import { CloseOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, type FormInstance, Input, Row, Segmented, Select, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Channel, Customer, Priority, StaffIntakeInput, WorkOrder } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { PHONE_PATTERN } from '../../components/patterns.ts';
import { useApiError } from '../../components/useApiError.tsx';
import { instantFromPicker } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { TeamSelect } from '../people/TeamSelect.tsx';
import { useCreateWorkOrder } from './api.ts';
import { AttachmentUpload, toAttachmentInputs, uploadValue } from './attachments.tsx';
import { type PreferredWindow, PreferredWindowPicker, useWindowOrderRule } from './PreferredWindowPicker.tsx';
import { TechnicianPicker } from './TechnicianPicker.tsx';

export interface IntakeValues {
  channel: Exclude<Channel, 'portal'>;
  contactId?: string;
  reporterName?: string;
  reporterPhone?: string;
  siteId?: string;
  productId?: string;
  title: string;
  description: string;
  category: Category;
  priority: Priority;
  preferred?: PreferredWindow;
  files?: UploadFile[];
  assigneeId?: string | null;
  teamId?: string | null;
}

export const INTAKE_DEFAULTS: Partial<IntakeValues> = { channel: 'phone', priority: 'normal', category: 'fault_repair' };

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** API field names (`preferredTo`, `attachments.0.dataBase64`) as this form's fields. */
function formField(field: string): string {
  if (field === 'preferredFrom' || field === 'preferredTo') return 'preferred';
  if (field.startsWith('attachments')) return 'files';
  return field;
}

interface IntakeFormProps {
  form: FormInstance<IntakeValues>;
  customer: Customer;
  duplicateOf: { id: string; number: string } | null;
  onClearDuplicate: () => void;
  onCreated: (order: WorkOrder) => void;
}

/** The report an agent takes down during the call (P4.1.2), and to whom it goes next. */
export function IntakeForm({ form, customer, duplicateOf, onClearDuplicate, onCreated }: IntakeFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const showError = useApiError();
  const create = useCreateWorkOrder();
  const [reading, setReading] = useState(false);
  const siteId = Form.useWatch('siteId', form);
  const assigneeId = Form.useWatch('assigneeId', form);
  const teamId = Form.useWatch('teamId', form);
  const products = customer.products.filter((p) => !siteId || !p.siteId || p.siteId === siteId);

  const onFinish = async (v: IntakeValues) => {
    setReading(true);
    let attachments: StaffIntakeInput['attachments'];
    try {
      attachments = await toAttachmentInputs(v.files);
    } finally {
      setReading(false);
    }
    const input: StaffIntakeInput = {
      channel: v.channel,
      customerId: customer.id,
      contactId: v.contactId ?? null,
      siteId: v.siteId ?? null,
      productId: v.productId ?? null,
      reporterName: blank(v.reporterName),
      reporterPhone: blank(v.reporterPhone),
      title: v.title.trim(),
      description: v.description.trim(),
      category: v.category,
      priority: v.priority,
      preferredFrom: instantFromPicker(v.preferred?.[0]),
      preferredTo: instantFromPicker(v.preferred?.[1]),
      duplicateOfId: duplicateOf?.id ?? null,
      assigneeId: v.assigneeId ?? null,
      teamId: v.assigneeId ? null : (v.teamId ?? null),
      attachments,
    };
    create.mutate(input, {
      onSuccess: (order) => {
        message.success(t('console.created', { number: order.number }));
        onCreated(order);
      },
      onError: (error) => showError(error, { form, mapField: formField }),
    });
  };

  const required = { required: true, message: t('validation.required') };
  const windowOrder = useWindowOrderRule();
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('console.report')} data-testid="console-intake">
      <Form<IntakeValues> form={form} layout="vertical" initialValues={INTAKE_DEFAULTS} onFinish={onFinish} scrollToFirstError>
        {duplicateOf ? (
          <Alert
            type="info"
            showIcon
            icon={<LinkOutlined />}
            style={{ marginBottom: 12 }}
            title={t('console.repeatOf', { number: duplicateOf.number })}
            action={<Button size="small" type="text" icon={<CloseOutlined />} onClick={onClearDuplicate} aria-label={t('console.unlink')} />}
            data-testid="console-duplicate"
          />
        ) : null}
        <Form.Item name="channel" label={t('workOrders.channel')}>
          <Segmented options={labels.staffChannelOptions} data-testid="wo-channel" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="contactId" label={t('workOrders.contact')}>
              <Select
                allowClear
                placeholder={t('console.chooseContact')}
                options={customer.contacts.map((c) => ({ value: c.id, label: `${c.name}${c.phone ? ` · ${c.phone}` : ''}` }))}
                data-testid="wo-contact"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="reporterName" label={t('workOrders.reporterName')} rules={[{ max: 50 }]}>
              <Input data-testid="wo-reporter-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="reporterPhone" label={t('workOrders.reporterPhone')} rules={[{ max: 32 }, { pattern: PHONE_PATTERN, message: t('validation.phone') }]}>
              <Input type="tel" inputMode="tel" data-testid="wo-reporter-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="siteId" label={t('workOrders.site')}>
              <Select
                allowClear
                placeholder={t('customers.noSite')}
                options={customer.sites.map((s) => ({ value: s.id, label: `${s.name} · ${s.city}` }))}
                onChange={() => {
                  const product = customer.products.find((p) => p.id === form.getFieldValue('productId'));
                  if (product?.siteId && product.siteId !== form.getFieldValue('siteId')) form.setFieldValue('productId', undefined);
                }}
                data-testid="wo-site"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="productId" label={t('workOrders.product')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('console.chooseProduct')}
                options={products.map((p) => ({ value: p.id, label: `${p.model} · ${p.serialNumber}` }))}
                onChange={(id?: string) => {
                  const product = customer.products.find((p) => p.id === id);
                  if (product?.siteId) form.setFieldValue('siteId', product.siteId);
                }}
                data-testid="wo-product"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('workOrders.orderTitle')} rules={[{ ...required, whitespace: true }, { max: 120 }]}>
          <Input maxLength={120} placeholder={t('console.titlePlaceholder')} data-testid="wo-title" />
        </Form.Item>
        <Form.Item name="description" label={t('workOrders.description')} rules={[{ ...required, whitespace: true }, { max: 8000 }]}>
          <Input.TextArea rows={5} maxLength={8000} placeholder={t('console.descriptionPlaceholder')} data-testid="wo-description" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item name="category" label={t('workOrders.category')} rules={[required]}>
              <Select options={labels.categoryOptions} data-testid="wo-category" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="priority" label={t('workOrders.priority')} rules={[required]}>
              <Select options={labels.priorityOptions} data-testid="wo-priority" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="files" label={t('workOrders.attachments')} valuePropName="fileList" getValueFromEvent={uploadValue}>
              <AttachmentUpload data-testid="wo-files" />
            </Form.Item>
          </Col>
        </Row>
        <div data-testid="wo-preferred">
          <Form.Item
            name="preferred"
            label={t('workOrders.preferredWindow')}
            extra={t('workOrders.companyTimeHint')}
            rules={[windowOrder]}
          >
            <PreferredWindowPicker />
          </Form.Item>
        </div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('console.handOff')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('console.handOffHint')}</Typography.Paragraph>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="assigneeId" label={t('console.assignTo')}>
              <TechnicianPicker
                placeholder={teamId ? t('console.publishedInstead') : t('console.chooseTechnician')}
                onChange={(id) => {
                  form.setFieldValue('assigneeId', id);
                  if (id) form.setFieldValue('teamId', null);
                }}
                data-testid="wo-assignee"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="teamId" label={t('console.publishTo')}>
              <TeamSelect
                placeholder={assigneeId ? t('console.assignedInstead') : t('workOrders.chooseTeam')}
                onChange={(id) => {
                  form.setFieldValue('teamId', id);
                  if (id) form.setFieldValue('assigneeId', null);
                }}
                data-testid="wo-team"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" size="large" block={mobile} loading={create.isPending || reading} data-testid="wo-submit">
          {assigneeId ? t('console.submitAssign') : teamId ? t('console.submitPublish') : t('console.submit')}
        </Button>
      </Form>
    </Card>
  );
}
