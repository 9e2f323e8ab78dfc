import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Segmented, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import '../../locales/field.ts';
import { useCreateTemplate, useSetTemplateActive, useTemplates, useUpdateTemplate } from './api.ts';
import { rangeText, textIn } from './checklistText.ts';
import { useSiteWorkLabels } from './labels.ts';
import { type ChecklistItem, type ChecklistKind, type ChecklistTemplate, WORK_TYPES, type WorkType } from './types.ts';
import { useSaveFeedback } from '../../components/useSaveFeedback.ts';

type ItemValues = {
  key: string;
  label: { 'zh-CN': string; en: string };
  required: boolean;
  photo: boolean;
  measured: boolean;
  measurement?: { unit?: string; min?: number | null; max?: number | null };
};
type TemplateValues = { workType: WorkType; kind: ChecklistKind; nameZh: string; nameEn: string; items: ItemValues[] };

const toItem = (v: ItemValues): ChecklistItem => ({
  key: v.key.trim(),
  label: { 'zh-CN': v.label['zh-CN'].trim(), en: v.label.en.trim() },
  required: Boolean(v.required),
  photo: Boolean(v.photo),
  measurement: v.measured ? { unit: v.measurement?.unit?.trim() ?? '', min: v.measurement?.min ?? null, max: v.measurement?.max ?? null } : null,
});
const toValues = (i: ChecklistItem): ItemValues => ({ ...i, measured: i.measurement !== null, measurement: i.measurement ?? undefined });

function ItemFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TemplateValues>();
  const measured = Form.useWatch(['items', index, 'measured'], form);
  const req = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Card size="small" type="inner" data-testid={`template-item-${index}`}>
      <Row gutter={8}>
        <Col xs={24} md={6}>
          <Form.Item name={[index, 'key']} label={t('checklists.itemKey')} rules={[...req, { max: 40 }, { pattern: /^[a-z0-9][a-z0-9_-]*$/, message: t('checklists.keyPattern') }]}>
            <Input data-testid={`template-item-${index}-key`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={[index, 'label', 'zh-CN']} label={t('checklists.labelZh')} rules={[...req, { max: 200 }]}>
            <Input data-testid={`template-item-${index}-label-zh`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={[index, 'label', 'en']} label={t('checklists.labelEn')} rules={[...req, { max: 200 }]}>
            <Input data-testid={`template-item-${index}-label-en`} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Space wrap>
            <Form.Item name={[index, 'required']} valuePropName="checked" noStyle>
              <Checkbox data-testid={`template-item-${index}-required`}>{t('checklists.required')}</Checkbox>
            </Form.Item>
            <Form.Item name={[index, 'photo']} valuePropName="checked" noStyle>
              <Checkbox data-testid={`template-item-${index}-photo`}>{t('checklists.photoNeeded')}</Checkbox>
            </Form.Item>
            <Form.Item name={[index, 'measured']} valuePropName="checked" noStyle>
              <Checkbox data-testid={`template-item-${index}-measured`}>{t('checklists.measured')}</Checkbox>
            </Form.Item>
            <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid={`template-item-${index}-remove`}>
              {t('checklists.removeItem')}
            </Button>
          </Space>
        </Col>
        {measured ? (
          <>
            <Col xs={8}>
              <Form.Item name={[index, 'measurement', 'unit']} label={t('checklists.unit')} rules={[...req, { max: 20 }]}>
                <Input data-testid={`template-item-${index}-unit`} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name={[index, 'measurement', 'min']} label={t('checklists.min')}>
                <InputNumber style={{ width: '100%' }} data-testid={`template-item-${index}-min`} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name={[index, 'measurement', 'max']} label={t('checklists.max')}>
                <InputNumber style={{ width: '100%' }} data-testid={`template-item-${index}-max`} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
    </Card>
  );
}

function TemplateDrawer({ template, workType, onClose }: { template?: ChecklistTemplate; workType?: WorkType; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useSiteWorkLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TemplateValues>();
  const create = useCreateTemplate();
  const update = useUpdateTemplate(template?.id ?? '');
  const handlers = useSaveFeedback(form, { onClose, onReload: () => void queryClient.invalidateQueries({ queryKey: ['checklist-templates'] }) });
  const onFinish = (v: TemplateValues) => {
    const input = { workType: v.workType, kind: v.kind, nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), items: (v.items ?? []).map(toItem) };
    if (template) update.mutate({ ...input, version: template.version }, handlers);
    else create.mutate(input, handlers);
  };
  return (
    <FormDrawer<TemplateValues>
      title={template ? t('checklists.editTemplate') : t('checklists.createTemplate')}
      form={form}
      submitting={create.isPending || update.isPending}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={
        template
          ? { ...template, items: template.items.map(toValues) }
          : { workType: workType ?? 'repair', kind: 'procedure', items: [{ key: '', label: { 'zh-CN': '', en: '' }, required: true, photo: false, measured: false }] }
      }
    >
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="workType" label={t('checklists.workTypeLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.workTypeOptions} data-testid="template-work-type" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="kind" label={t('checklists.kindLabel')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={labels.checklistKindOptions} data-testid="template-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameZh" label={t('checklists.nameZh')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}>
            <Input data-testid="template-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('checklists.nameEn')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}>
            <Input data-testid="template-name-en" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('checklists.items')}</Typography.Title>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <ItemFields key={field.key} index={field.name} onRemove={() => remove(field.name)} />
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ key: '', label: { 'zh-CN': '', en: '' }, required: true, photo: false, measured: false })}
              data-testid="template-add-item"
            >
              {t('checklists.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormDrawer>
  );
}

/** P4.3.2, P2.3.1, P2.3.3: procedure and safety checklists per work type. */
export default function ChecklistTemplatesPage() {
  const { t, i18n } = useTranslation();
  const labels = useSiteWorkLabels();
  const showError = useApiError();
  const [workType, setWorkType] = useState<WorkType>('repair');
  const [status, setStatus] = useState<'active' | 'all'>('active');
  const [editing, setEditing] = useState<ChecklistTemplate | 'new' | null>(null);
  const templates = useTemplates(workType, status);
  const setActive = useSetTemplateActive();

  const columns: TableColumnsType<ChecklistTemplate> = [
    { title: t('checklists.name'), key: 'name', render: (_, x) => textIn({ 'zh-CN': x.nameZh, en: x.nameEn }, i18n.language) },
    { title: t('checklists.kindLabel'), key: 'kind', render: (_, x) => <Tag color={x.kind === 'safety' ? 'orange' : 'blue'}>{labels.checklistKind(x.kind)}</Tag> },
    {
      title: t('checklists.items'),
      key: 'items',
      render: (_, x) => (
        <Flex vertical gap={2}>
          {x.items.map((i) => (
            <Typography.Text key={i.key} style={{ fontSize: 12 }}>
              {i.required ? '● ' : '○ '}
              {textIn(i.label, i18n.language)}
              {i.measurement ? ` (${rangeText(i.measurement)})` : ''}
              {i.photo ? ` · ${t('checklists.photoNeeded')}` : ''}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { title: t('checklists.status'), key: 'active', render: (_, x) => (x.active ? <Tag color="green">{t('checklists.active')}</Tag> : <Tag>{t('checklists.inactive')}</Tag>) },
    {
      title: '',
      key: 'actions',
      render: (_, x) => (
        <Space>
          <Button size="small" onClick={() => setEditing(x)} data-testid={`template-edit-${x.id}`}>
            {t('common.edit')}
          </Button>
          <Button
            size="small"
            danger={x.active}
            loading={setActive.isPending && setActive.variables?.id === x.id}
            onClick={() => setActive.mutate({ id: x.id, version: x.version, active: !x.active }, { onError: (error) => showError(error) })}
            data-testid={`template-toggle-${x.id}`}
          >
            {x.active ? t('checklists.deactivate') : t('checklists.activate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('checklists.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="template-create">
            {t('checklists.createTemplate')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented<WorkType>
          value={workType}
          onChange={setWorkType}
          options={WORK_TYPES.map((w) => ({ value: w, label: labels.workType(w) }))}
          data-testid="templates-work-type"
        />
        <Checkbox checked={status === 'all'} onChange={(e) => setStatus(e.target.checked ? 'all' : 'active')} data-testid="templates-show-inactive">
          {t('checklists.showInactive')}
        </Checkbox>
      </Flex>
      {templates.isError ? <QueryError error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      <Table<ChecklistTemplate>
        rowKey="id"
        columns={columns}
        dataSource={templates.data?.items ?? []}
        loading={templates.isPending}
        pagination={false}
        scroll={{ x: true }}
        onRow={(x) => ({ 'data-testid': `template-row-${x.id}` }) as never}
      />
      {editing ? <TemplateDrawer template={editing === 'new' ? undefined : editing} workType={workType} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
