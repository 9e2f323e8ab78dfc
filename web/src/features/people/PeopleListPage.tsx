import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Row, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Employee, type EmployeeFilters, POSITIONS } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { CursorTable } from '../../components/DataTable.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useEmployees } from './api.ts';
import { CertificateTags } from './CertificateTags.tsx';
import { EmployeeFormDrawer } from './EmployeeFormDrawer.tsx';
import { TeamSelect } from './TeamSelect.tsx';

export default function PeopleListPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useAuth();
  const navigate = useNavigate();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);

  const filters: EmployeeFilters = {
    q: url.get('q'),
    position: oneOf(url.get('position'), POSITIONS),
    teamId: url.get('teamId'),
    status: oneOf(url.get('status'), ['active', 'inactive', 'all'] as const) ?? 'active',
    certificate: url.get('certificate') === 'expired' ? 'expired' : undefined,
  };
  const list = useEmployees(filters);

  const columns: TableColumnsType<Employee> = [
    { title: t('people.employeeNo'), dataIndex: 'employeeNo', key: 'employeeNo' },
    {
      title: t('people.name'),
      key: 'name',
      render: (_, e) => (
        <Link to={`/people/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
          {e.name}
        </Link>
      ),
    },
    { title: t('people.position'), key: 'position', render: (_, e) => labels.position(e.position) },
    { title: t('people.grade'), dataIndex: 'grade', key: 'grade' },
    { title: t('people.team'), key: 'team', render: (_, e) => e.team?.name ?? '' },
    {
      title: t('people.serviceYears'),
      key: 'serviceYears',
      align: 'right',
      render: (_, e) => t('people.years', { value: e.serviceYears.toFixed(1) }),
    },
    { title: t('people.certificates'), key: 'certificates', render: (_, e) => <CertificateTags certificates={e.certificates} /> },
  ];
  if (filters.status && filters.status !== 'active') {
    columns.push({ title: t('common.status'), key: 'status', render: (_, e) => <StatusTag status={e.status} /> });
  }

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          can('people.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="employee-create">
              {t('people.create')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <SearchBox
            value={filters.q ?? ''}
            onSearch={(q) => url.set({ q })}
            placeholder={t('people.searchPlaceholder')}
            data-testid="people-search"
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('people.anyPosition')}
            value={filters.position}
            onChange={(position) => url.set({ position })}
            options={labels.positionOptions}
            data-testid="people-filter-position"
          />
        </Col>
        <Col xs={12} md={4}>
          <TeamSelect value={filters.teamId} onChange={(teamId) => url.set({ teamId })} />
        </Col>
        <Col xs={12} md={4}>
          <Select
            style={{ width: '100%' }}
            value={filters.status}
            onChange={(status) => url.set({ status: status === 'active' ? undefined : status })}
            options={labels.statusOptions}
            data-testid="people-filter-status"
          />
        </Col>
        <Col xs={12} md={4} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox
            checked={filters.certificate === 'expired'}
            onChange={(e) => url.set({ certificate: e.target.checked ? 'expired' : undefined })}
            data-testid="people-filter-expired"
          >
            {t('people.expiredCertificate')}
          </Checkbox>
        </Col>
      </Row>
      <CursorTable<Employee>
        rowKey="id"
        columns={columns}
        list={list}
        rowHref={(e) => `/people/${e.id}`}
      />
      {creating ? (
        <EmployeeFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(e) => {
            setCreating(false);
            navigate(`/people/${e.id}`);
          }}
        />
      ) : null}
    </>
  );
}
