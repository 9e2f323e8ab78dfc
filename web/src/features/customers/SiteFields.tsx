import { AimOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SiteFormValues {
  name: string;
  address: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

/** Site name, address, city and coordinates, under `prefix` in the surrounding form. */
export function SiteFields({ prefix }: { prefix: (string | number)[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = Form.useFormInstance();
  const [locating, setLocating] = useState(false);
  const required = { required: true, message: t('validation.required') };

  const locate = () => {
    if (!navigator.geolocation) {
      message.warning(t('customers.locationUnavailable'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        form.setFieldValue([...prefix, 'latitude'], Number(position.coords.latitude.toFixed(6)));
        form.setFieldValue([...prefix, 'longitude'], Number(position.coords.longitude.toFixed(6)));
      },
      () => {
        setLocating(false);
        message.warning(t('customers.locationUnavailable'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={[...prefix, 'name']} label={t('customers.siteName')} rules={[{ ...required, whitespace: true }, { max: 80 }]}>
          <Input data-testid="site-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[...prefix, 'city']} label={t('customers.city')} rules={[{ ...required, whitespace: true }, { max: 30 }]}>
          <Input data-testid="site-city" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={[...prefix, 'address']} label={t('customers.address')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input data-testid="site-address" />
        </Form.Item>
      </Col>
      <Col xs={12} md={9}>
        <Form.Item name={[...prefix, 'latitude']} label={t('customers.latitude')} rules={[required]}>
          <InputNumber min={-90} max={90} step={0.000001} precision={6} style={{ width: '100%' }} data-testid="site-latitude" />
        </Form.Item>
      </Col>
      <Col xs={12} md={9}>
        <Form.Item name={[...prefix, 'longitude']} label={t('customers.longitude')} rules={[required]}>
          <InputNumber min={-180} max={180} step={0.000001} precision={6} style={{ width: '100%' }} data-testid="site-longitude" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label=" " colon={false}>
          <Button icon={<AimOutlined />} loading={locating} onClick={locate} block>
            {t('customers.useMyLocation')}
          </Button>
        </Form.Item>
      </Col>
    </Row>
  );
}
