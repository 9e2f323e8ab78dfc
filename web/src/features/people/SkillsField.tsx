import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Skills as a list of skill + level (1-5). */
export function SkillsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="skills">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }, index) => (
            <Row key={key} gutter={8} wrap={false} align="top">
              <Col flex="auto">
                <Form.Item
                  name={[name, 'skill']}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40 }]}
                >
                  <Input placeholder={t('people.skill')} aria-label={t('people.skill')} data-testid={`skill-${index}-name`} />
                </Form.Item>
              </Col>
              <Col flex="120px">
                <Form.Item name={[name, 'level']} rules={[{ required: true, message: t('validation.required') }]}>
                  <InputNumber min={1} max={5} precision={0} prefix={t('people.levelPrefix')} style={{ width: '100%' }} aria-label={t('people.level')} data-testid={`skill-${index}-level`} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.remove')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ skill: '', level: 3 })} block data-testid="skill-add">
            {t('people.addSkill')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
