import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrder } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { useLabels } from '../../components/labels.ts';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';

export function preferredWindow(o: Pick<WorkOrder, 'preferredFrom' | 'preferredTo'>): string {
  if (!o.preferredFrom && !o.preferredTo) return '';
  return `${formatInstant(o.preferredFrom) || '…'} – ${formatInstant(o.preferredTo) || '…'}`;
}

const pre = (text: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Text>;

/** Who reported what, where, on which product; then what has been found and done. */
export function OrderDetails({ order: o }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useAuth();
  const mobile = useIsMobile();
  const items: { key: string; label: string; children: ReactNode; span?: number | 'filled' }[] = [
    {
      key: 'customer',
      label: t('workOrders.customer'),
      children: o.customer ? can('customers.read') ? <Link to={`/customers/${o.customer.id}`}>{o.customer.name}</Link> : o.customer.name : '—',
    },
    {
      key: 'contact',
      label: t('workOrders.contact'),
      children: o.contact ? (
        <Space size={6} wrap>
          {o.contact.name}
          {o.contact.phone ? <a href={`tel:${o.contact.phone}`}>{o.contact.phone}</a> : null}
        </Space>
      ) : (
        '—'
      ),
    },
    {
      key: 'reporter',
      label: t('workOrders.reporter'),
      children:
        [o.reporterName, o.reporterPhone, o.reporterEmail].filter(Boolean).length > 0 ? (
          <Space size={6} wrap>
            {o.reporterName}
            {o.reporterPhone ? <a href={`tel:${o.reporterPhone}`}>{o.reporterPhone}</a> : null}
            {o.reporterEmail}
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'site', label: t('workOrders.site'), children: o.site?.name ?? '—' },
    { key: 'product', label: t('workOrders.product'), children: o.product ? `${o.product.model} · ${o.product.serialNumber}` : '—' },
    { key: 'channel', label: t('workOrders.channel'), children: labels.channel(o.channel) },
    { key: 'category', label: t('workOrders.category'), children: labels.category(o.category) },
    { key: 'team', label: t('workOrders.team'), children: o.team?.name ?? '—' },
    { key: 'assignee', label: t('workOrders.assignee'), children: o.assignee?.name ?? '—' },
    { key: 'received', label: t('workOrders.receivedAt'), children: formatInstant(o.receivedAt) },
    { key: 'preferred', label: t('workOrders.preferredWindow'), children: preferredWindow(o) || '—' },
  ];
  if (o.visitScheduledAt) items.push({ key: 'visit', label: t('workOrders.visitAt'), children: formatInstant(o.visitScheduledAt) });
  if (o.expectedArrivalAt) items.push({ key: 'eta', label: t('workOrders.expectedArrivalAt'), children: formatInstant(o.expectedArrivalAt) });
  if (o.duplicateOf)
    items.push({ key: 'dup', label: t('workOrders.duplicateOf'), children: <Link to={`/work-orders/${o.duplicateOf.id}`}>{o.duplicateOf.number}</Link> });
  if (o.reopenCount > 0) items.push({ key: 'reopened', label: t('workOrders.reopenCount'), children: String(o.reopenCount) });
  if (o.holdReason) items.push({ key: 'hold', label: t('workOrders.holdReason'), children: labels.holdReason(o.holdReason) });
  items.push({ key: 'description', label: t('workOrders.description'), children: pre(o.description), span: 'filled' });
  if (o.solution) items.push({ key: 'solution', label: t('workOrders.solution'), children: pre(o.solution), span: 'filled' });
  if (o.resolution) items.push({ key: 'resolution', label: t('workOrders.resolution'), children: pre(o.resolution), span: 'filled' });
  if (o.cancelReason) items.push({ key: 'cancel', label: t('workOrders.cancelReason'), children: pre(o.cancelReason), span: 'filled' });
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('workOrders.details')}>
      <Descriptions column={{ xs: 1, sm: 2, xxl: 3 }} size="small" items={items} />
    </Card>
  );
}
