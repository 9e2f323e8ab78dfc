import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Customer, InstalledProduct } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fromDateString, toDateString } from '../../lib/time.ts';
import { useSaveProduct } from './api.ts';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

interface Values {
  siteId?: string | null;
  model: string;
  productName: string;
  serialNumber: string;
  installedOn?: Dayjs | null;
  warrantyEndsOn?: Dayjs | null;
}

export function ProductModal({
  customer,
  product,
  onClose,
  onReload,
}: {
  customer: Customer;
  product?: InstalledProduct;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProduct(customer.id);
  const saved = useSaveFeedback(form, { onClose, onReload });
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const onFinish = (v: Values) => {
    const optional = <T,>(value: T | null | undefined) => (value == null ? (product ? null : undefined) : value);
    save.mutate(
      {
        itemId: product?.id,
        version: product?.version,
        input: {
          siteId: optional(v.siteId),
          model: v.model.trim(),
          productName: v.productName.trim(),
          serialNumber: v.serialNumber.trim(),
          installedOn: optional(toDateString(v.installedOn)),
          warrantyEndsOn: optional(toDateString(v.warrantyEndsOn)),
        },
      },
      saved,
    );
  };

  return (
    <FormModal<Values>
      title={product ? t('customers.editProduct') : t('customers.addProduct')}
      form={form}
      width={680}
      submitting={save.isPending}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={
        product
          ? {
              siteId: product.siteId,
              model: product.model,
              productName: product.productName,
              serialNumber: product.serialNumber,
              installedOn: fromDateString(product.installedOn) ?? null,
              warrantyEndsOn: fromDateString(product.warrantyEndsOn) ?? null,
            }
          : { siteId: customer.sites.length === 1 ? customer.sites[0]?.id : undefined }
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="model" label={t('customers.model')} rules={[required, { max: 40 }]}>
            <Input data-testid="product-model" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="productName" label={t('customers.productName')} rules={[required, { max: 80 }]}>
            <Input data-testid="product-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="serialNumber" label={t('customers.serialNumber')} rules={[required, { max: 60 }, { pattern: /^[A-Za-z0-9._/-]+$/, message: t('validation.serialNumber') }]}>
            <Input data-testid="product-serial" autoCapitalize="characters" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="siteId" label={t('customers.site')}>
            <Select
              allowClear
              placeholder={t('customers.noSite')}
              options={customer.sites.map((s) => ({ value: s.id, label: `${s.name} · ${s.city}` }))}
              data-testid="product-site"
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="installedOn" label={t('customers.installedOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="product-installed-on" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="warrantyEndsOn"
            label={t('customers.warrantyEndsOn')}
            dependencies={['installedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const installed: Dayjs | null | undefined = getFieldValue('installedOn');
                  return value && installed && value.isBefore(installed, 'day')
                    ? Promise.reject(new Error(t('validation.warrantyBeforeInstall')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="product-warranty-ends-on" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
