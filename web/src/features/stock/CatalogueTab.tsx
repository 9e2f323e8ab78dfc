import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CursorTable } from '../../components/DataTable.tsx';
import { useLabels } from '../../components/labels.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useParts, useSetPartActive } from './api.ts';
import { formatFen } from './money.ts';
import { PartFormModal } from './PartFormModal.tsx';
import type { Part, PartFilters } from './types.ts';

/** The parts catalogue (P4.3.1): part number, name, applicable models, unit cost. */
export function CatalogueTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useAuth();
  const url = useUrlFilters();
  const showError = useApiError();
  const [editing, setEditing] = useState<Part | 'new' | null>(null);
  const setActive = useSetPartActive();
  const filters: PartFilters = {
    q: url.get('q'),
    model: url.get('model'),
    status: oneOf(url.get('status'), ['active', 'inactive', 'all'] as const) ?? 'active',
  };
  const list = useParts(filters);

  const columns: TableColumnsType<Part> = [
    { title: t('stock.partNo'), dataIndex: 'partNo', key: 'partNo' },
    { title: t('stock.partName'), dataIndex: 'name', key: 'name' },
    {
      title: t('stock.models'),
      key: 'models',
      render: (_, p) => (
        <Space size={[4, 4]} wrap>
          {p.models.map((m) => (
            <Tag key={m}>{m}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('stock.unit'), dataIndex: 'unit', key: 'unit' },
    { title: t('stock.unitCost'), key: 'cost', align: 'right', render: (_, p) => formatFen(p.unitCostFen) },
    { title: t('common.status'), key: 'status', render: (_, p) => <StatusTag status={p.active ? 'active' : 'inactive'} /> },
    {
      title: '',
      key: 'actions',
      render: (_, p) => (
        <Space>
          {p.abilities.update ? (
            <Button size="small" onClick={() => setEditing(p)} data-testid={`part-edit-${p.partNo}`}>
              {t('common.edit')}
            </Button>
          ) : null}
          {p.abilities.deactivate || p.abilities.reactivate ? (
            <Button
              size="small"
              danger={p.abilities.deactivate}
              loading={setActive.isPending && setActive.variables?.part.id === p.id}
              onClick={() => setActive.mutate({ part: p, active: p.abilities.reactivate }, { onError: (e) => showError(e, { onReload: () => void list.refetch() }) })}
              data-testid={`part-toggle-${p.partNo}`}
            >
              {p.abilities.deactivate ? t('stock.deactivate') : t('stock.reactivate')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={9}>
          <SearchBox value={filters.q ?? ''} onSearch={(q) => url.set({ q })} placeholder={t('stock.searchParts')} data-testid="parts-search" />
        </Col>
        <Col xs={12} md={5}>
          <SearchBox value={filters.model ?? ''} onSearch={(model) => url.set({ model })} placeholder={t('stock.filterModel')} data-testid="parts-filter-model" />
        </Col>
        <Col xs={12} md={5}>
          <Select
            style={{ width: '100%' }}
            value={filters.status}
            onChange={(status) => url.set({ status: status === 'active' ? undefined : status })}
            options={labels.statusOptions}
            data-testid="parts-filter-status"
          />
        </Col>
        <Col xs={24} md={5} style={{ textAlign: 'right' }}>
          {can('parts.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="part-create">
              {t('stock.newPart')}
            </Button>
          ) : null}
        </Col>
      </Row>
      <CursorTable<Part> rowKey="id" columns={columns} list={list} />
      {editing ? <PartFormModal part={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onReload={() => void list.refetch()} /> : null}
    </>
  );
}
