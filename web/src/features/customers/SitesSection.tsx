import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Site } from '../../api/types.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { SiteModal } from './SiteModal.tsx';

const coordinate = (value: number | string) => {
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? n.toFixed(6) : String(value);
};

export function SitesSection({ customer, onReload }: { customer: Customer; onReload: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const canEdit = Boolean(customer.abilities.update);
  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      title={t('customers.sitesN', { n: customer.sites.length })}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="site-add">
            {t('customers.addSite')}
          </Button>
        ) : null
      }
    >
      <Table<Site>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={customer.sites}
        locale={{ emptyText: t('customers.noSites') }}
        columns={[
          { title: t('customers.siteName'), dataIndex: 'name', key: 'name' },
          { title: t('customers.address'), dataIndex: 'address', key: 'address' },
          { title: t('customers.city'), dataIndex: 'city', key: 'city' },
          { title: t('customers.latitude'), key: 'latitude', render: (_, s) => coordinate(s.latitude) },
          { title: t('customers.longitude'), key: 'longitude', render: (_, s) => coordinate(s.longitude) },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 48,
                  render: (_: unknown, site: Site) => (
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(site)} aria-label={t('common.edit')} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <SiteModal customer={customer} site={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onReload={onReload} /> : null}
    </Card>
  );
}
