import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useCustomer, useDeactivateCustomer } from './api.ts';
import { ContactsSection } from './ContactsSection.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { ProductsSection } from './ProductsSection.tsx';
import { SitesSection } from './SitesSection.tsx';

/** One customer: details, contacts, sites and installed products. */
export function CustomerDetailView({ id, back }: { id: string; back?: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const query = useCustomer(id);
  const deactivate = useDeactivateCustomer(id);
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);

  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const reload = () => void query.refetch();

  return (
    <>
      <PageHeader
        back={back}
        title={
          <Space>
            {c.name}
            <StatusTag status={c.status} />
          </Space>
        }
        subtitle={`${c.customerNo} · ${labels.customerKind(c.kind)}`}
        extra={
          <>
            {c.abilities.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {c.abilities.deactivate ? (
              <Button danger icon={<StopOutlined />} onClick={() => setDeactivating(true)} data-testid="customer-deactivate">
                {t('customers.deactivate')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size={mobile ? 'small' : 'medium'} title={t('customers.details')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('customers.customerNo')}>{c.customerNo}</Descriptions.Item>
            <Descriptions.Item label={t('customers.kind')}>{labels.customerKind(c.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('common.phone')}>{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.email')}>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <StatusTag status={c.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.notes')}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.notes || '—'}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <ContactsSection customer={c} onReload={reload} />
        <SitesSection customer={c} onReload={reload} />
        <ProductsSection customer={c} onReload={reload} />
      </Flex>

      {editing ? <CustomerFormModal customer={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
      {deactivating ? (
        <ReasonModal
          title={t('customers.deactivateTitle', { name: c.name })}
          intro={t('customers.deactivateIntro')}
          okText={t('customers.deactivate')}
          submitting={deactivate.isPending}
          onCancel={() => setDeactivating(false)}
          onReload={reload}
          onSubmit={async (reason) => {
            await deactivate.mutateAsync({ version: c.version, reason });
            message.success(t('customers.deactivated'));
          }}
        />
      ) : null}
    </>
  );
}
