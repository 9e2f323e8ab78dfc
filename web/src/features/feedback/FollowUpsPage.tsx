import { Alert, Button, Card, Empty, Flex, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import '../../locales/field.ts';
import { useFollowUps } from './api.ts';
import { CompleteFollowUpModal } from './FollowUpModals.tsx';
import { FollowUpItem } from './FollowUpItem.tsx';
import type { FollowUp } from './types.ts';

/** My follow-ups (and, for whoever dispatches, the team's): soonest due first, overdue in red, complete with an outcome (P4.4.3). */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const url = useUrlFilters();
  const dispatcher = can('work_orders.dispatch');
  const scope = (dispatcher ? oneOf(url.get('scope'), ['mine', 'team'] as const) : undefined) ?? 'mine';
  const status = oneOf(url.get('status'), ['open', 'done'] as const) ?? 'open';
  const list = useFollowUps(scope, status);
  const [completing, setCompleting] = useState<FollowUp | null>(null);

  return (
    <>
      <PageHeader title={t('followUps.title')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        {dispatcher ? (
          <Segmented
            value={scope}
            onChange={(v) => url.set({ scope: v === 'mine' ? undefined : String(v) })}
            options={[
              { value: 'mine', label: t('followUps.mine') },
              { value: 'team', label: t('followUps.team') },
            ]}
            data-testid="followups-scope"
          />
        ) : null}
        <Segmented
          value={status}
          onChange={(v) => url.set({ status: v === 'open' ? undefined : String(v) })}
          options={[
            { value: 'open', label: t('followUps.status.open') },
            { value: 'done', label: t('followUps.status.done') },
          ]}
          data-testid="followups-status"
        />
      </Flex>
      {list.error ? (
        <Alert
          type="error"
          showIcon
          title={t('errors.loadFailed')}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card size="small">
        {list.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : list.items.length ? (
          list.items.map((f) => <FollowUpItem key={f.id} followUp={f} onComplete={setCompleting} showOrder />)
        ) : (
          <Empty description={status === 'open' ? t('followUps.noneOpen') : t('followUps.noneDone')} />
        )}
        {list.loadMore.hasMore ? (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={list.loadMore.onLoadMore} loading={list.loadMore.loading} data-testid="load-more">
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
      {completing ? <CompleteFollowUpModal followUp={completing} onClose={() => setCompleting(null)} /> : null}
    </>
  );
}
