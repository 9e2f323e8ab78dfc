import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Row, Select, Space, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import '../../locales/field.ts';
import { reportKeys, useCreateFaultCode, useFaultCodes, useSetFaultCodeActive, useUpdateFaultCode } from './api.ts';
import { useReportLabels } from './labels.ts';
import { FAULT_CATEGORIES, type FaultCategory, type FaultCode, type FaultCodeInput } from './types.ts';

// The maintained list of fault codes the service reports are coded from (P4.4.2).

function FaultCodeModal({ editing, onClose }: { editing: FaultCode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FaultCodeInput>();
  const create = useCreateFaultCode();
  const update = useUpdateFaultCode();
  const onError = (error: unknown) =>
    showError(error, {
      form,
      onReload: () => {
        void queryClient.invalidateQueries({ queryKey: reportKeys.allFaultCodes });
        onClose();
      },
    });
  return (
    <FormModal<FaultCodeInput>
      title={editing ? t('faultCodes.edit') : t('faultCodes.create')}
      form={form}
      submitting={create.isPending || update.isPending}
      onCancel={onClose}
      initialValues={editing ? { code: editing.code, category: editing.category as FaultCategory, nameZh: editing.nameZh, nameEn: editing.nameEn } : undefined}
      onFinish={(v) => {
        const values = { category: v.category, nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim() };
        if (editing) update.mutate({ code: editing.code, version: editing.version, ...values }, { onSuccess: onClose, onError });
        else create.mutate({ code: v.code.trim().toUpperCase(), ...values }, { onSuccess: onClose, onError });
      }}
    >
      <Form.Item
        name="code"
        label={t('faultCodes.code')}
        extra={editing ? undefined : t('faultCodes.codeHint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, message: t('faultCodes.codeHint') }]}
      >
        <Input maxLength={32} disabled={Boolean(editing)} data-testid="fault-code-code" />
      </Form.Item>
      <Form.Item name="category" label={t('faultCodes.category')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={FAULT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} data-testid="fault-code-category" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('faultCodes.nameZh')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}>
        <Input maxLength={80} data-testid="fault-code-name-zh" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('faultCodes.nameEn')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 120 }]}>
        <Input maxLength={120} data-testid="fault-code-name-en" />
      </Form.Item>
    </FormModal>
  );
}

export default function FaultCodesPage() {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const showError = useApiError();
  const { modal } = App.useApp();
  const query = useFaultCodes(false);
  const setActive = useSetFaultCodeActive();
  const [editing, setEditing] = useState<FaultCode | 'new' | null>(null);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | undefined>();

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (query.data?.items ?? []).filter(
      (c) => (!category || c.category === category) && (!needle || `${c.code} ${c.nameZh} ${c.nameEn}`.toLowerCase().includes(needle)),
    );
  }, [query.data, q, category]);

  const toggle = (c: FaultCode) =>
    modal.confirm({
      title: c.active ? t('faultCodes.deactivateConfirm', { code: c.code }) : t('faultCodes.reactivateConfirm', { code: c.code }),
      content: c.active ? t('faultCodes.deactivateHint') : undefined,
      okText: c.active ? t('faultCodes.deactivate') : t('faultCodes.reactivate'),
      okButtonProps: { danger: c.active },
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync({ code: c.code, version: c.version, active: !c.active }).catch((e) => showError(e)),
    });

  const columns: TableColumnsType<FaultCode> = [
    { title: t('faultCodes.code'), dataIndex: 'code', key: 'code', render: (code: string) => <span data-testid="fault-code-row-code">{code}</span> },
    { title: t('faultCodes.category'), key: 'category', render: (_, c) => labels.category(c.category) },
    { title: t('faultCodes.nameZh'), dataIndex: 'nameZh', key: 'nameZh' },
    { title: t('faultCodes.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
    { title: t('common.status'), key: 'status', render: (_, c) => <StatusTag status={c.active ? 'active' : 'inactive'} /> },
    {
      title: '',
      key: 'actions',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.abilities.update ? (
            <Button size="small" onClick={() => setEditing(c)} data-testid="fault-code-edit">
              {t('common.edit')}
            </Button>
          ) : null}
          {c.abilities.deactivate || c.abilities.reactivate ? (
            <Button size="small" danger={c.active} onClick={() => toggle(c)} data-testid="fault-code-toggle">
              {c.active ? t('faultCodes.deactivate') : t('faultCodes.reactivate')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('faultCodes.title')}
        subtitle={t('faultCodes.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="fault-code-create">
            {t('faultCodes.create')}
          </Button>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <SearchBox value={q} onSearch={setQ} placeholder={t('faultCodes.search')} data-testid="fault-code-search" />
        </Col>
        <Col xs={24} md={6}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('faultCodes.anyCategory')}
            value={category}
            onChange={setCategory}
            options={FAULT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            data-testid="fault-code-filter-category"
          />
        </Col>
      </Row>
      <DataTable<FaultCode>
        rowKey="code"
        columns={columns}
        dataSource={rows}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRow={() => ({ 'data-testid': 'fault-code-row' }) as React.HTMLAttributes<HTMLElement>}
      />
      {editing ? <FaultCodeModal editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
