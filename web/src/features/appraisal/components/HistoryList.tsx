import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/time.ts';
import { historyChanges } from '../logic.ts';
import type { HistoryEntry } from '../types.ts';
import { useAppraisalLabels } from './labels.ts';

/** A result's history, oldest first: every step, who took it, the reason, and what it changed (a published result changes only with history kept). */
export function HistoryList({ history }: { history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  if (!history.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.history.none')} />;
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Timeline
      data-testid="result-history"
      items={sorted.map((h) => {
        const changes = historyChanges(h.before, h.after);
        return {
          key: h.id,
          color: h.action === 'calibrated' || h.action === 'appealed' || h.action === 'reopened' ? 'orange' : 'blue',
          content: (
            <>
              <div>
                <strong>{labels.historyAction(h.action)}</strong> · {h.actorLabel}
              </div>
              <Typography.Text type="secondary">{formatInstant(h.at)}</Typography.Text>
              {h.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{t('appraisal.history.reason', { reason: h.reason })}</div> : null}
              {changes.length ? (
                <ul style={{ margin: '2px 0 0', paddingInlineStart: 18, fontSize: 12 }}>
                  {changes.slice(0, 8).map((c) => (
                    <li key={c.field}>
                      <Typography.Text code>{c.field}</Typography.Text> {c.before} → {c.after}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ),
        };
      })}
    />
  );
}
