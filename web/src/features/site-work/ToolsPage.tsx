import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Descriptions, Drawer, Flex, Row, Select, Space, type TableColumnsType, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useUser } from '../../app/auth.tsx';
import { CursorTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import '../../locales/field.ts';
import { useTool, useTools } from './api.ts';
import { useSiteWorkLabels } from './labels.ts';
import { MaintenanceModal, ToolFormModal } from './ToolForms.tsx';
import { type MaintenanceEntry, TOOL_STATUSES, type Tool, type ToolDue, type ToolFilters, type ToolSummary } from './types.ts';

const DUE_COLORS: Record<ToolDue, string | undefined> = { overdue: 'red', due_soon: 'orange', ok: 'green', none: undefined };

export function DueTag({ due, dueOn }: { due: ToolDue; dueOn: string | null }) {
  const labels = useSiteWorkLabels();
  if (due === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{dueOn}</span>
      <Tag color={DUE_COLORS[due]} data-testid={`tool-due-${due}`}>
        {labels.due(due)}
      </Tag>
    </Space>
  );
}

function ToolDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useSiteWorkLabels();
  const mobile = useIsMobile();
  const tool = useTool(id);
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const data: Tool | undefined = tool.data;
  const columns: TableColumnsType<MaintenanceEntry> = [
    { title: t('tools.performedOn'), dataIndex: 'performedOn', key: 'performedOn' },
    { title: t('tools.maintenanceKindLabel'), key: 'kind', render: (_, m) => labels.maintenanceKind(m.kind) },
    {
      title: t('tools.resultLabel'),
      key: 'result',
      render: (_, m) => <Tag color={m.result === 'fail' ? 'red' : m.result === 'pass' ? 'green' : undefined}>{labels.maintenanceResult(m.result)}</Tag>,
    },
    { title: t('tools.performedBy'), dataIndex: 'performedBy', key: 'performedBy' },
    { title: t('tools.nextDueOn'), dataIndex: 'nextDueOn', key: 'nextDueOn' },
    { title: t('tools.note'), dataIndex: 'note', key: 'note' },
  ];
  return (
    <Drawer open size={mobile ? '100%' : 760} title={data ? `${data.assetNo} · ${data.name}` : ''} onClose={onClose} destroyOnHidden data-testid="tool-drawer">
      {tool.isError ? <QueryError error={tool.error} onRetry={() => void tool.refetch()} /> : null}
      {!data ? (
        <PageSpinner />
      ) : (
        <Flex vertical gap={16}>
          <Space wrap>
            {data.abilities.update ? (
              <Button onClick={() => setEditing(true)} data-testid="tool-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {data.abilities.logMaintenance ? (
              <Button type="primary" onClick={() => setLogging(true)} data-testid="tool-log-maintenance">
                {t('tools.logMaintenance')}
              </Button>
            ) : null}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('tools.kindLabel')}>{labels.toolKind(data.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('tools.statusLabel')}>{labels.toolStatus(data.status)}</Descriptions.Item>
            <Descriptions.Item label={t('tools.model')}>{data.model}</Descriptions.Item>
            <Descriptions.Item label={t('tools.serialNumber')}>{data.serialNumber}</Descriptions.Item>
            <Descriptions.Item label={t('tools.holder')}>{data.holder?.name}</Descriptions.Item>
            <Descriptions.Item label={t('tools.calibrationDueOn')}>
              <DueTag due={data.due} dueOn={data.calibrationDueOn} />
            </Descriptions.Item>
            <Descriptions.Item label={t('tools.intervalDays')}>{data.maintenanceIntervalDays ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('tools.notes')}>{data.notes}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('tools.maintenanceLog')}
          </Typography.Title>
          <Table<MaintenanceEntry> rowKey="id" size="small" columns={columns} dataSource={data.maintenance} pagination={false} scroll={{ x: true }} />
          {editing ? <ToolFormModal tool={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
          {logging ? <MaintenanceModal tool={data} onClose={() => setLogging(false)} /> : null}
        </Flex>
      )}
    </Drawer>
  );
}

/** P2.2.3: the register of tools and instruments, their holders and calibration dates. */
export default function ToolsPage() {
  const { t } = useTranslation();
  const labels = useSiteWorkLabels();
  const { can } = useAuth();
  const user = useUser();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const mine = url.get('mine') === 'true';
  const filters: ToolFilters = {
    q: url.get('q'),
    due: oneOf(url.get('due'), ['overdue', 'due_soon'] as const),
    status: oneOf(url.get('status'), [...TOOL_STATUSES, 'all'] as const) ?? 'in_service',
    holderId: mine && user.employeeId ? user.employeeId : undefined,
  };
  const list = useTools(filters);

  const columns: TableColumnsType<ToolSummary> = [
    { title: t('tools.assetNo'), dataIndex: 'assetNo', key: 'assetNo' },
    { title: t('tools.name'), dataIndex: 'name', key: 'name' },
    { title: t('tools.kindLabel'), key: 'kind', render: (_, x) => labels.toolKind(x.kind), responsive: ['md'] },
    { title: t('tools.model'), key: 'model', render: (_, x) => [x.model, x.serialNumber].filter(Boolean).join(' · '), responsive: ['lg'] },
    { title: t('tools.holder'), key: 'holder', render: (_, x) => x.holder?.name ?? '' },
    { title: t('tools.calibrationDueOn'), key: 'due', render: (_, x) => <DueTag due={x.due} dueOn={x.calibrationDueOn} /> },
    {
      title: t('tools.lastCalibration'),
      key: 'lastCalibration',
      responsive: ['lg'],
      render: (_, x) =>
        x.lastCalibration ? (
          <Space size={4}>
            {x.lastCalibration.performedOn}
            <Tag color={x.lastCalibration.result === 'fail' ? 'red' : 'green'}>{labels.maintenanceResult(x.lastCalibration.result)}</Tag>
          </Space>
        ) : null,
    },
    { title: t('tools.statusLabel'), key: 'status', render: (_, x) => labels.toolStatus(x.status), responsive: ['md'] },
  ];

  return (
    <>
      <PageHeader
        title={t('tools.title')}
        extra={
          can('tools.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="tool-create">
              {t('tools.create')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
        <Col xs={24} md={9}>
          <SearchBox value={filters.q ?? ''} onSearch={(q) => url.set({ q })} placeholder={t('tools.searchPlaceholder')} data-testid="tools-search" />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('tools.anyDue')}
            value={filters.due}
            onChange={(due) => url.set({ due })}
            options={[
              { value: 'overdue', label: labels.due('overdue') },
              { value: 'due_soon', label: labels.due('due_soon') },
            ]}
            data-testid="tools-filter-due"
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            style={{ width: '100%' }}
            value={filters.status}
            onChange={(status) => url.set({ status: status === 'in_service' ? undefined : status })}
            options={[...labels.toolStatusOptions, { value: 'all', label: t('tools.allStatuses') }]}
            data-testid="tools-filter-status"
          />
        </Col>
        {user.employeeId ? (
          <Col xs={24} md={5}>
            <Checkbox checked={mine} onChange={(e) => url.set({ mine: e.target.checked ? 'true' : undefined })} data-testid="tools-filter-mine">
              {t('tools.onlyMine')}
            </Checkbox>
          </Col>
        ) : null}
      </Row>
      <CursorTable<ToolSummary>
        rowKey="id"
        columns={columns}
        list={list}
        onRow={(x) => ({ onClick: () => setOpenId(x.id), style: { cursor: 'pointer' }, 'data-testid': `tool-row-${x.assetNo}` }) as never}
      />
      {openId ? <ToolDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
      {creating ? (
        <ToolFormModal
          onClose={() => setCreating(false)}
          onSaved={(tool) => {
            setCreating(false);
            setOpenId(tool.id);
          }}
        />
      ) : null}
    </>
  );
}
