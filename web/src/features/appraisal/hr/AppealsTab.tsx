import { Button, Flex, Segmented, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { formatInstant } from '../../../lib/time.ts';
import { useAppeals } from '../api.ts';
import type { AppealListItem } from '../types.ts';
import { ResultDrawer } from './ResultDrawer.tsx';

/** Appeals (P5.2): the open ones first; each opens its result, where HR answers. */
export function AppealsTab() {
  const { t } = useTranslation();
  const filters = useUrlFilters();
  const status = filters.get('appeals') === 'answered' ? 'answered' : 'open';
  const appeals = useAppeals(status);
  const openId = filters.get('result');
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={status}
        onChange={(value) => filters.set({ appeals: value === 'answered' ? 'answered' : null })}
        options={[
          { value: 'open', label: t('appraisalHr.appeals.open') },
          { value: 'answered', label: t('appraisalHr.appeals.answered') },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="appeals-status"
      />
      <DataTable<AppealListItem>
        rowKey="id"
        dataSource={appeals.data ?? []}
        loading={appeals.isPending}
        error={appeals.error}
        onRetry={() => void appeals.refetch()}
        locale={{ emptyText: status === 'open' ? t('appraisalHr.appeals.noneOpen') : t('appraisalHr.appeals.none') }}
        onRow={(a) =>
          ({
            onClick: () => filters.set({ result: a.resultId }),
            style: { cursor: 'pointer' },
            'data-testid': 'appeal-row',
            'data-employee': a.employeeName,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('appraisalHr.employee'), dataIndex: 'employeeName' },
          { title: t('appraisalHr.period'), dataIndex: 'periodLabel' },
          {
            title: t('appraisalHr.appeals.reason'),
            key: 'reason',
            render: (_, a) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, maxWidth: 420 }}>
                {a.reason}
              </Typography.Paragraph>
            ),
          },
          { title: t('appraisalHr.appeals.raisedAt'), key: 'raisedAt', render: (_, a) => formatInstant(a.raisedAt) },
          ...(status === 'answered'
            ? [
                {
                  title: t('appraisalHr.appeals.outcome'),
                  key: 'outcome',
                  render: (_: unknown, a: AppealListItem) =>
                    a.outcome ? <Tag color={a.outcome === 'adjusted' ? 'purple' : 'default'}>{t(`appraisalHr.answer.${a.outcome}`)}</Tag> : '—',
                },
                { title: t('appraisalHr.appeals.answeredBy'), key: 'answeredBy', render: (_: unknown, a: AppealListItem) => a.answeredByLabel ?? '—' },
              ]
            : []),
          {
            title: t('appraisalHr.actions'),
            key: 'open',
            render: (_, a) => (
              <Button size="small" onClick={() => filters.set({ result: a.resultId })} data-testid="appeal-open">
                {status === 'open' ? t('appraisalHr.appeals.review') : t('appraisalHr.appeals.view')}
              </Button>
            ),
          },
        ]}
      />
      {openId ? <ResultDrawer resultId={openId} onClose={() => filters.set({ result: null })} /> : null}
    </Flex>
  );
}
