import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, InstalledProduct } from '../../api/types.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { ProductModal } from './ProductModal.tsx';

export function ProductsSection({ customer, onReload }: { customer: Customer; onReload: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState<InstalledProduct | 'new' | null>(null);
  const canEdit = Boolean(customer.abilities.update);
  const siteName = (id: string | null) => customer.sites.find((s) => s.id === id)?.name ?? '';
  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      title={t('customers.productsN', { n: customer.products.length })}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-add">
            {t('customers.addProduct')}
          </Button>
        ) : null
      }
    >
      <Table<InstalledProduct>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={customer.products}
        locale={{ emptyText: t('customers.noProducts') }}
        columns={[
          { title: t('customers.model'), dataIndex: 'model', key: 'model' },
          { title: t('customers.productName'), dataIndex: 'productName', key: 'productName' },
          { title: t('customers.serialNumber'), dataIndex: 'serialNumber', key: 'serialNumber' },
          { title: t('customers.site'), key: 'site', render: (_, p) => siteName(p.siteId) },
          { title: t('customers.installedOn'), dataIndex: 'installedOn', key: 'installedOn' },
          { title: t('customers.warrantyEndsOn'), dataIndex: 'warrantyEndsOn', key: 'warrantyEndsOn' },
          {
            title: t('customers.warranty'),
            key: 'underWarranty',
            render: (_, p) =>
              p.underWarranty ? (
                <Tag color="green" data-testid="under-warranty">
                  {t('customers.underWarranty')}
                </Tag>
              ) : (
                <Tag>{t('customers.outOfWarranty')}</Tag>
              ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 48,
                  render: (_: unknown, p: InstalledProduct) => (
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('common.edit')} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <ProductModal customer={customer} product={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onReload={onReload} />
      ) : null}
    </Card>
  );
}
