import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { EmployeePicker } from '../../../components/pickers.tsx';
import { useApiError } from '../../../components/useApiError.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { useDeleteGrowth, useGrowth } from '../hr-api.ts';
import type { GrowthRecord } from '../types.ts';
import { GrowthModal } from './GrowthModal.tsx';
import { MonthFilter, monthOf, TeamFilter } from './Filters.tsx';
import { monthRange } from './helpers.ts';
import { useHrLabels } from './labels.ts';

/** What the record says beyond its title: hours, exam score and result, accepted or not. */
function GrowthDetails({ g }: { g: GrowthRecord }) {
  const { t } = useTranslation();
  switch (g.kind) {
    case 'training':
      return <>{t('appraisalHr.growth.hoursValue', { n: g.hours ?? 0 })}</>;
    case 'exam':
      return (
        <Space size={4}>
          {g.score !== null ? t('appraisalHr.growth.scoreValue', { n: g.score }) : null}
          <Tag color={g.passed ? 'green' : 'red'}>{g.passed ? t('appraisalHr.growth.passedYes') : t('appraisalHr.growth.passedNo')}</Tag>
        </Space>
      );
    case 'innovation':
      return <Tag color={g.accepted ? 'green' : 'default'}>{g.accepted ? t('appraisalHr.growth.acceptedYes') : t('appraisalHr.growth.acceptedNo')}</Tag>;
    default:
      return null;
  }
}

/** Growth records (P5.1.4) of a month, by team or employee; add and delete. */
export function GrowthTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const labels = useHrLabels();
  const filters = useUrlFilters();
  const month = monthOf(filters);
  const teamId = filters.get('team');
  const employeeId = filters.get('employee');
  const growth = useGrowth({ ...monthRange(month), teamId, employeeId });
  const remove = useDeleteGrowth();
  const [adding, setAdding] = useState(false);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <MonthFilter filters={filters} testId="growth-month" />
          <TeamFilter filters={filters} testId="growth-team" />
          <div style={{ minWidth: 220 }}>
            <EmployeePicker value={employeeId ?? null} onChange={(value) => filters.set({ employee: value })} placeholder={t('appraisalHr.anyEmployee')} />
          </div>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="growth-add">
          {t('appraisalHr.growth.add')}
        </Button>
      </Flex>
      <DataTable<GrowthRecord>
        rowKey="id"
        dataSource={[...(growth.data ?? [])].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))}
        loading={growth.isPending}
        error={growth.error}
        onRetry={() => void growth.refetch()}
        locale={{ emptyText: t('appraisalHr.growth.none') }}
        onRow={(g) => ({ 'data-testid': 'growth-row', 'data-employee': g.employeeName }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('appraisalHr.growth.date'), dataIndex: 'occurredOn' },
          { title: t('appraisalHr.employee'), dataIndex: 'employeeName' },
          { title: t('appraisalHr.growth.kind'), key: 'kind', render: (_, g) => <Tag>{labels.growthKind(g.kind)}</Tag> },
          { title: t('appraisalHr.growth.title'), dataIndex: 'title' },
          { title: t('appraisalHr.growth.details'), key: 'details', render: (_, g) => <GrowthDetails g={g} /> },
          {
            title: t('appraisalHr.growth.note'),
            key: 'note',
            render: (_, g) => (g.note ? <Typography.Text type="secondary">{g.note}</Typography.Text> : null),
          },
          {
            title: t('appraisalHr.recordedBy'),
            key: 'recordedBy',
            render: (_, g) => (g.source === 'training' ? <Tag color="blue">{t('appraisalHr.growth.fromTraining')}</Tag> : g.recordedByLabel),
          },
          {
            title: t('appraisalHr.actions'),
            key: 'actions',
            render: (_, g) => (
              <Popconfirm
                title={t('appraisalHr.growth.deleteConfirm')}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                destroyOnHidden
                onConfirm={() =>
                  remove.mutateAsync(g.id).then(
                    () => void message.success(t('appraisalHr.growth.deleted')),
                    (error: unknown) => showError(error),
                  )
                }
              >
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  loading={remove.isPending && remove.variables === g.id}
                  aria-label={t('common.remove')}
                  data-testid="growth-delete"
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding ? (
        // the list follows the new record's month, so it shows
        <GrowthModal onClose={() => setAdding(false)} onReload={() => void growth.refetch()} onSaved={(g) => filters.set({ month: g.occurredOn.slice(0, 7) })} />
      ) : null}
    </Flex>
  );
}
