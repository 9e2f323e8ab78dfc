import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CUSTOMER_KINDS, type CustomerFilters, type CustomerSummary } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { CursorTable } from '../../components/DataTable.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useCustomers } from './api.ts';
import { CustomerFormModal } from './CustomerFormModal.tsx';

export default function CustomerListPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useAuth();
  const navigate = useNavigate();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);

  const filters: CustomerFilters = {
    q: url.get('q'),
    kind: oneOf(url.get('kind'), CUSTOMER_KINDS),
    status: oneOf(url.get('status'), ['active', 'inactive', 'all'] as const) ?? 'active',
  };
  const list = useCustomers(filters);

  const columns: TableColumnsType<CustomerSummary> = [
    { title: t('customers.customerNo'), dataIndex: 'customerNo', key: 'customerNo' },
    {
      title: t('customers.name'),
      key: 'name',
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} onClick={(ev) => ev.stopPropagation()}>
          {c.name}
        </Link>
      ),
    },
    { title: t('customers.kind'), key: 'kind', render: (_, c) => labels.customerKind(c.kind) },
    { title: t('common.phone'), dataIndex: 'phone', key: 'phone' },
    {
      title: t('customers.primaryContact'),
      key: 'primaryContact',
      render: (_, c) => (c.primaryContact ? `${c.primaryContact.name}${c.primaryContact.phone ? ` · ${c.primaryContact.phone}` : ''}` : ''),
    },
    { title: t('customers.siteCount'), dataIndex: 'siteCount', key: 'siteCount', align: 'right' },
    { title: t('customers.productCount'), dataIndex: 'productCount', key: 'productCount', align: 'right' },
    { title: t('common.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          can('customers.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
              {t('customers.create')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <SearchBox
            value={filters.q ?? ''}
            onSearch={(q) => url.set({ q })}
            placeholder={t('customers.searchPlaceholder')}
            data-testid="customers-search"
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('customers.anyKind')}
            value={filters.kind}
            onChange={(kind) => url.set({ kind })}
            options={labels.customerKindOptions}
            data-testid="customers-filter-kind"
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            style={{ width: '100%' }}
            value={filters.status}
            onChange={(status) => url.set({ status: status === 'active' ? undefined : status })}
            options={labels.statusOptions}
            data-testid="customers-filter-status"
          />
        </Col>
      </Row>
      <CursorTable<CustomerSummary>
        rowKey="id"
        columns={columns}
        list={list}
        rowHref={(c) => `/customers/${c.id}`}
      />
      {creating ? (
        <CustomerFormModal
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            navigate(`/customers/${c.id}`);
          }}
        />
      ) : null}
    </>
  );
}
