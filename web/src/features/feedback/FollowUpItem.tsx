import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../lib/time.ts';
import type { FollowUp } from './types.ts';

/** One follow-up: what, who, due (red when overdue, flagged when escalated), outcome, and "complete" for whoever may. */
export function FollowUpItem({ followUp: f, onComplete, showOrder = false }: { followUp: FollowUp; onComplete: (f: FollowUp) => void; showOrder?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid={`followup-row-${f.id}`} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Typography.Text strong style={{ minWidth: 0 }}>
          {f.title}
        </Typography.Text>
        <Flex gap={4} wrap>
          {f.status === 'done' ? <Tag color="green">{t('followUps.status.done')}</Tag> : <Tag color={f.overdue ? 'red' : 'blue'}>{f.overdue ? t('followUps.overdue') : t('followUps.status.open')}</Tag>}
          {f.escalatedAt && f.status === 'open' ? <Tag color="volcano">{t('followUps.escalated')}</Tag> : null}
        </Flex>
      </Flex>
      <Typography.Text type={f.overdue ? 'danger' : 'secondary'}>
        {t('followUps.dueOn', { at: formatInstant(f.dueAt) })} · {f.assignee.name}
        {showOrder ? (
          <>
            {' · '}
            <Link to={`/work-orders/${f.workOrder.id}`}>{f.workOrder.number}</Link>
          </>
        ) : null}
        {f.feedback ? ` · ${f.feedback.number}` : ''}
      </Typography.Text>
      {f.status === 'done' ? (
        <Typography.Text>
          <Typography.Text type="secondary">{t('followUps.outcome')}</Typography.Text> {f.outcome} <Typography.Text type="secondary">({f.doneBy} · {formatInstant(f.doneAt)})</Typography.Text>
        </Typography.Text>
      ) : null}
      {f.abilities.complete ? (
        <div>
          <Button size="small" type="primary" onClick={() => onComplete(f)} data-testid="followup-complete">
            {t('followUps.complete')}
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}
