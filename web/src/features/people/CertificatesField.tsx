import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Certificates as a list of name / issuer / number / issued on / expires on. */
export function CertificatesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="certificates">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }, index) => (
            <Card
              key={key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('people.certificateN', { n: index + 1 })}
              extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.remove')} />}
            >
              <Form.Item name={[name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[name, 'name']}
                    label={t('people.certificateName')}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}
                  >
                    <Input data-testid={`certificate-${index}-name`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[name, 'issuer']}
                    label={t('people.issuer')}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}
                  >
                    <Input data-testid={`certificate-${index}-issuer`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[name, 'number']}
                    label={t('people.certificateNumber')}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 60 }]}
                  >
                    <Input data-testid={`certificate-${index}-number`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[name, 'issuedOn']} label={t('people.issuedOn')}>
                    <DatePicker style={{ width: '100%' }} data-testid={`certificate-${index}-issuedOn`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={[name, 'expiresOn']}
                    label={t('people.expiresOnLabel')}
                    dependencies={[['certificates', name, 'issuedOn']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, value: Dayjs | null | undefined) => {
                          const issued: Dayjs | null | undefined = getFieldValue(['certificates', name, 'issuedOn']);
                          return value && issued && value.isBefore(issued, 'day')
                            ? Promise.reject(new Error(t('validation.expiryBeforeIssue')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <DatePicker style={{ width: '100%' }} data-testid={`certificate-${index}-expiresOn`} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', issuer: '', number: '', issuedOn: null, expiresOn: null })}
            block
            data-testid="certificate-add"
          >
            {t('people.addCertificate')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
