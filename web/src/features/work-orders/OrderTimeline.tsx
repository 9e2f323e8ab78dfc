import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, type TimelineEvent } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { dataText } from './format.ts';

const COLORS: Record<string, string> = { cancel: 'red', hold: 'red', reopen: 'red', close: 'gray', complete_work: 'green', resolve_remotely: 'green', customer_accept: 'green' };

/** What an event carried, in words: who it went to, when, why. */
function EventDetail({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const d = event.data;
  const lines: ReactNode[] = [];
  const channel = dataText(d, 'channel');
  if (event.action === 'receive' && channel && (CHANNELS as readonly string[]).includes(channel))
    lines.push(t('workOrders.eventChannel', { channel: labels.channel(channel as Channel) }));
  const assignee = dataText(d, 'assigneeName');
  if (assignee) lines.push(t('workOrders.eventAssignee', { name: assignee }));
  const visitAt = dataText(d, 'visitAt');
  if (visitAt) lines.push(t('workOrders.eventVisitAt', { time: formatInstant(visitAt) }));
  const eta = dataText(d, 'expectedArrivalAt');
  if (eta) lines.push(t('workOrders.eventEta', { time: formatInstant(eta) }));
  const reason = dataText(d, 'reason');
  if (reason) lines.push(event.action === 'hold' ? labels.holdReason(reason) : reason);
  for (const key of ['topic', 'note', 'comment', 'solution', 'resolution']) {
    const text = dataText(d, key);
    if (text) lines.push(text);
  }
  if (lines.length === 0) return null;
  return (
    <Flex vertical>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one event never reorder
        <Typography.Text key={i} type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {line}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Every step of the order: when, who, what; for staff, where the phone was. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('workOrders.timeline')} data-testid="wo-timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: COLORS[e.action] ?? 'blue',
          content: (
            <Flex vertical gap={2} data-testid={`event-${e.action}`}>
              <Typography.Text strong>{labels.woEvent(e.action)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatInstant(e.at)} · {e.actor}
                {e.toState && e.fromState !== e.toState ? ` · ${labels.woState(e.toState)}` : ''}
              </Typography.Text>
              <EventDetail event={e} />
              {e.location ? (
                <Typography.Link
                  href={`https://uri.amap.com/marker?position=${e.location.longitude},${e.location.latitude}`}
                  target="_blank"
                  rel="noreferrer"
                  style={{ fontSize: 12 }}
                  data-testid="event-location"
                >
                  <EnvironmentOutlined /> {e.location.latitude.toFixed(5)}, {e.location.longitude.toFixed(5)}
                </Typography.Link>
              ) : null}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
