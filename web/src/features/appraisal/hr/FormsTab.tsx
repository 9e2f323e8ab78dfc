import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../../components/PageSpinner.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { useSaveTemplate, useTemplates } from '../hr-api.ts';
import type { Template, TemplateItem } from '../types.ts';
import { duplicateKeys, scoreWeight } from './helpers.ts';

const ITEM_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;

interface TemplateValues {
  name: string;
  items: TemplateItem[];
}

/** One form (P5.3.1 self-evaluation, P5.3.2 supervisor evaluation); saved with the version read. */
function TemplateEditor({ template, onReload }: { template: Template; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<TemplateValues>();
  const save = useSaveTemplate();
  const items = Form.useWatch('items', form) ?? template.items;
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Card
      size="small"
      title={t(`appraisalHr.forms.kind.${template.kind}`)}
      data-testid={`template-${template.kind}`}
      extra={
        <Typography.Text type="secondary" data-testid={`template-${template.kind}-weight`}>
          {t('appraisalHr.forms.weightSum', { n: scoreWeight(items) })}
        </Typography.Text>
      }
    >
      <Form<TemplateValues>
        form={form}
        layout="vertical"
        initialValues={{ name: template.name, items: template.items }}
        scrollToFirstError
        onFinish={(v) =>
          save.mutate(
            {
              kind: template.kind,
              version: template.version,
              name: v.name.trim(),
              items: v.items.map((i) => ({
                key: i.key.trim(),
                label: { 'zh-CN': i.label['zh-CN'].trim(), en: i.label.en.trim() },
                kind: i.kind,
                weight: i.kind === 'score' ? Number(i.weight ?? 0) : 0,
                required: Boolean(i.required),
              })),
            },
            {
              onSuccess: () => void message.success(t('appraisalHr.forms.saved')),
              onError: (error) => showError(error, { form, onReload }),
            },
          )
        }
      >
        <Form.Item name="name" label={t('appraisalHr.forms.name')} rules={[required, { max: 200 }]}>
          <Input maxLength={200} data-testid={`template-${template.kind}-name`} />
        </Form.Item>
        <Form.List
          name="items"
          rules={[
            {
              validator: async (_, value: Partial<TemplateItem>[] | undefined) => {
                const list = value ?? [];
                if (list.length === 0) throw new Error(t('appraisalHr.forms.needItem'));
                if (list.length > 30) throw new Error(t('appraisalHr.forms.tooMany'));
                const dup = duplicateKeys(list);
                if (dup.length) throw new Error(t('appraisalHr.forms.duplicateKeys', { keys: dup.join(', ') }));
                if (!list.some((i) => i.kind === 'score' && Number(i.weight ?? 0) > 0)) throw new Error(t('appraisalHr.forms.needScore'));
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => {
                const kind = items[field.name]?.kind;
                return (
                  <Card key={field.key} size="small" type="inner" data-testid={`template-${template.kind}-item-${index}`}>
                    <Row gutter={8}>
                      <Col xs={24} md={6}>
                        <Form.Item
                          name={[field.name, 'key']}
                          label={t('appraisalHr.forms.key')}
                          tooltip={t('appraisalHr.forms.keyHelp')}
                          rules={[required, { pattern: ITEM_KEY, message: t('appraisalHr.forms.keyFormat') }]}
                        >
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={9}>
                        <Form.Item name={[field.name, 'label', 'zh-CN']} label={t('appraisalHr.forms.labelZh')} rules={[required, { max: 200 }]}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={9}>
                        <Form.Item name={[field.name, 'label', 'en']} label={t('appraisalHr.forms.labelEn')} rules={[required, { max: 200 }]}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[field.name, 'kind']} label={t('appraisalHr.forms.itemKind')} rules={[{ required: true, message: t('validation.required') }]}>
                          <Select
                            options={[
                              { value: 'score', label: t('appraisalHr.forms.score') },
                              { value: 'text', label: t('appraisalHr.forms.text') },
                            ]}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[field.name, 'weight']} label={t('appraisalHr.forms.weight')}>
                          <InputNumber min={0} max={100} disabled={kind !== 'score'} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[field.name, 'required']} label={t('appraisalHr.forms.required')} valuePropName="checked">
                          <Switch />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item label=" ">
                          <Space>
                            <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('appraisalHr.forms.up')} />
                            <Button
                              icon={<ArrowDownOutlined />}
                              disabled={index === fields.length - 1}
                              onClick={() => move(index, index + 1)}
                              aria-label={t('appraisalHr.forms.down')}
                            />
                            <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                          </Space>
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', label: { 'zh-CN': '', en: '' }, kind: 'score', weight: 0, required: true })}
                style={{ alignSelf: 'flex-start' }}
                data-testid={`template-${template.kind}-add`}
              >
                {t('appraisalHr.forms.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('appraisalHr.forms.effect')}</Typography.Text>
          <Space>
            <Button onClick={() => form.resetFields()}>{t('appraisalHr.forms.reset')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={`template-${template.kind}-save`}>
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      </Form>
    </Card>
  );
}

/** The evaluation forms HR keeps (P5.3.1-2): a change applies to periods opened afterwards. */
export function FormsTab() {
  const { t } = useTranslation();
  const templates = useTemplates();
  if (templates.isPending) return <PageSpinner />;
  if (templates.isError) return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />;
  if (templates.data.length === 0) return <Empty />;
  const order = { self: 0, supervisor: 1 } as const;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('appraisalHr.forms.intro')}</Typography.Text>
      {[...templates.data]
        .sort((a, b) => order[a.kind] - order[b.kind])
        .map((tpl) => (
          // a new version (saved here, or reloaded after someone else's save) starts the editor afresh
          <TemplateEditor key={`${tpl.kind}-${tpl.version}`} template={tpl} onReload={() => void templates.refetch()} />
        ))}
    </Flex>
  );
}
