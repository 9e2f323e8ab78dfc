import { DownloadOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry, AuditFilters } from '../../api/types.ts';
import { CursorTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { formatInstant } from '../../lib/time.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFiltersBar } from './AuditFiltersBar.tsx';
import { exportUrl, useAuditLog } from './api.ts';

/** Pages of the app that show an audited entity. */
const ENTITY_PAGES: Record<string, string> = { employee: '/people', customer: '/customers' };

export default function AuditPage() {
  const { t } = useTranslation();
  const url = useUrlFilters();
  const filters: AuditFilters = {
    entityType: url.get('entityType'),
    entityId: url.get('entityId'),
    actorUserId: url.get('actorUserId'),
    action: url.get('action'),
    from: url.get('from'),
    to: url.get('to'),
  };
  const list = useAuditLog(filters);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), key: 'at', render: (_, e) => formatInstant(e.at, true) },
    { title: t('audit.actor'), key: 'actor', render: (_, e) => e.actor.label },
    { title: t('audit.action'), key: 'action', render: (_, e) => <Tag>{e.action}</Tag> },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'entityType' },
    {
      title: t('audit.entityId'),
      key: 'entityId',
      render: (_, e) => {
        const page = ENTITY_PAGES[e.entityType];
        const text = (
          <Typography.Text code copyable={{ text: e.entityId }} style={{ fontSize: 12 }}>
            {e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
          </Typography.Text>
        );
        return page ? <Link to={`${page}/${e.entityId}`}>{text}</Link> : text;
      },
    },
    {
      title: t('audit.requestId'),
      key: 'requestId',
      render: (_, e) => (e.requestId ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.requestId}</Typography.Text> : null),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)} download data-testid="audit-export">
            {t('audit.exportCsv')}
          </Button>
        }
      />
      <AuditFiltersBar filters={filters} onChange={(patch) => url.set(patch)} />
      <CursorTable<AuditEntry>
        rowKey={(e) => String(e.id)}
        columns={columns}
        list={list}
        expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />, expandRowByClick: true }}
      />
    </>
  );
}
