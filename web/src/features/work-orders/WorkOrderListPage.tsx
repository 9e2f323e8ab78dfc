import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Row, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, seg } from '../../api/client.ts';
import { type Employee, PRIORITIES, WO_STATES, type WorkOrderFilters, type WorkOrderSummary } from '../../api/types.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { CursorTable } from '../../components/DataTable.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CustomerPicker } from '../../components/pickers.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { formatInstant, fromDateString, toDateString } from '../../lib/time.ts';
import { useCustomer } from '../customers/api.ts';
import { TeamSelect } from '../people/TeamSelect.tsx';
import { useWorkOrders } from './api.ts';
import { PriorityTag, SlaTag, StateTag } from './tags.tsx';
import { TechnicianPicker } from './TechnicianPicker.tsx';

const STATE_FILTERS = ['open', ...WO_STATES] as const;

export default function WorkOrderListPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useUser();
  const { can } = useAuth();
  const navigate = useNavigate();
  const url = useUrlFilters();

  const states = (url.get('state') ?? '').split(',').filter((s): s is (typeof STATE_FILTERS)[number] => (STATE_FILTERS as readonly string[]).includes(s));
  const filters: WorkOrderFilters = {
    q: url.get('q'),
    state: states.length > 0 ? states.join(',') : undefined,
    priority: oneOf(url.get('priority'), PRIORITIES),
    teamId: url.get('teamId'),
    assigneeId: url.get('assigneeId'),
    customerId: url.get('customerId'),
    sla: oneOf(url.get('sla'), ['at_risk', 'breached'] as const),
    from: url.get('from'),
    to: url.get('to'),
  };
  const list = useWorkOrders(filters, { enabled: user.role !== 'customer' });
  // Labels of the people named in the address, so a shared or reloaded link shows names.
  const customer = useCustomer(filters.customerId);
  const technician = useQuery({
    queryKey: ['employees', 'detail', filters.assigneeId ?? ''],
    queryFn: ({ signal }) => api.get<Employee>(`/employees/${seg(filters.assigneeId ?? '')}`, undefined, signal),
    enabled: Boolean(filters.assigneeId) && can('people.read'),
  });
  if (user.role === 'customer') return <Navigate to="/portal" replace />;

  const columns: TableColumnsType<WorkOrderSummary> = [
    {
      title: t('workOrders.number'),
      key: 'number',
      render: (_, o) => (
        <Link to={`/work-orders/${o.id}`} onClick={(e) => e.stopPropagation()} data-testid={`wo-row-${o.number}`}>
          {o.number}
        </Link>
      ),
    },
    { title: t('workOrders.orderTitle'), dataIndex: 'title', key: 'title', ellipsis: true, width: 260 },
    { title: t('workOrders.customer'), key: 'customer', render: (_, o) => o.customer?.name ?? '' },
    { title: t('workOrders.priority'), key: 'priority', render: (_, o) => <PriorityTag priority={o.priority} /> },
    { title: t('workOrders.state'), key: 'state', render: (_, o) => <StateTag state={o.state} /> },
    { title: t('workOrders.assignee'), key: 'assignee', render: (_, o) => o.assignee?.name ?? (o.team ? `${o.team.name} · ${t('workOrders.pool')}` : '') },
    { title: t('workOrders.receivedAt'), key: 'receivedAt', render: (_, o) => formatInstant(o.receivedAt) },
    { title: t('workOrders.sla'), key: 'sla', render: (_, o) => <SlaTag status={o.slaStatus} /> },
  ];

  const range = [fromDateString(filters.from) ?? null, fromDateString(filters.to) ?? null] as const;

  return (
    <>
      <PageHeader
        title={t('workOrders.listTitle')}
        extra={
          can('work_orders.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console')} data-testid="wo-new">
              {t('workOrders.newReport')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <SearchBox value={filters.q ?? ''} onSearch={(q) => url.set({ q })} placeholder={t('workOrders.searchPlaceholder')} data-testid="wo-search" />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ width: '100%' }}
            placeholder={t('workOrders.anyState')}
            value={states}
            onChange={(next: string[]) => url.set({ state: next.join(',') })}
            options={[{ value: 'open', label: t('workOrders.openStates') }, ...labels.woStateOptions]}
            data-testid="wo-filter-state"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('workOrders.anyPriority')}
            value={filters.priority}
            onChange={(priority) => url.set({ priority })}
            options={labels.priorityOptions}
            data-testid="wo-filter-priority"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('workOrders.anySla')}
            value={filters.sla}
            onChange={(sla) => url.set({ sla })}
            options={[
              { value: 'at_risk', label: labels.slaStatus('at_risk') },
              { value: 'breached', label: labels.slaStatus('breached') },
            ]}
            data-testid="wo-filter-sla"
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TeamSelect value={filters.teamId} onChange={(teamId) => url.set({ teamId })} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TechnicianPicker
            value={filters.assigneeId}
            onChange={(assigneeId) => url.set({ assigneeId })}
            initialOption={technician.data ? { value: technician.data.id, label: `${technician.data.name} (${technician.data.employeeNo})` } : null}
            placeholder={t('workOrders.anyTechnician')}
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <CustomerPicker
            value={filters.customerId}
            onChange={(customerId) => url.set({ customerId })}
            initialOption={customer.data ? { value: customer.data.id, label: `${customer.data.name} (${customer.data.customerNo})` } : null}
            placeholder={t('workOrders.anyCustomer')}
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <div data-testid="wo-filter-dates">
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={range[0] || range[1] ? [range[0], range[1]] : null}
              allowEmpty={[true, true]}
              placeholder={[t('workOrders.receivedFrom'), t('workOrders.receivedTo')]}
              onChange={(value) => url.set({ from: toDateString(value?.[0]), to: toDateString(value?.[1]) })}
            />
          </div>
        </Col>
      </Row>
      <CursorTable<WorkOrderSummary>
        rowKey="id"
        columns={columns}
        list={list}
        rowHref={(o) => `/work-orders/${o.id}`}
      />
    </>
  );
}
