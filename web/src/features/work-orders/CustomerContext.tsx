import { LinkOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact, InstalledProduct } from '../../api/types.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useCustomer } from '../customers/api.ts';
import { useWorkOrders } from './api.ts';
import { PriorityTag, StateTag } from './tags.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" strong style={{ fontSize: 12, textTransform: 'uppercase' }}>
        {title}
      </Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 4 }}>
        {children}
      </Flex>
    </div>
  );
}

interface CustomerContextProps {
  customerId: string;
  duplicateOfId: string | null;
  onChange: () => void;
  onPickContact: (contact: Contact) => void;
  onPickSite: (siteId: string) => void;
  onPickProduct: (product: InstalledProduct) => void;
  onLinkDuplicate: (orderId: string | null) => void;
}

/**
 * The caller's customer while the call goes on: contacts, sites, installed products (a click
 * puts them on the report) and the orders still open, so a repeat call is linked, not doubled.
 */
export function CustomerContext({ customerId, duplicateOfId, onChange, onPickContact, onPickSite, onPickProduct, onLinkDuplicate }: CustomerContextProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mobile = useIsMobile();
  const query = useCustomer(customerId);
  const open = useWorkOrders({ customerId, state: 'open' }, { limit: 20 });
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const siteName = (id: string | null) => c.sites.find((s) => s.id === id)?.name;
  const chip = { cursor: 'pointer', textAlign: 'start' as const, background: 'none', border: 'none', padding: 0, font: 'inherit', color: token.colorLink };

  return (
    <Flex vertical gap={16}>
      <Card
        size={mobile ? 'small' : 'medium'}
        data-testid="console-customer"
        title={
          <span>
            {c.name} <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{c.customerNo}</Typography.Text>
          </span>
        }
        extra={
          <Button size="small" icon={<SwapOutlined />} onClick={onChange} data-testid="console-change-customer">
            {t('console.changeCustomer')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          {c.phone ? (
            <Typography.Text>
              {t('common.phone')}: <a href={`tel:${c.phone}`}>{c.phone}</a>
            </Typography.Text>
          ) : null}
          <Section title={t('console.contacts')}>
            {c.contacts.length === 0 ? <Typography.Text type="secondary">{t('customers.noContacts')}</Typography.Text> : null}
            {c.contacts.map((k) => (
              <button type="button" key={k.id} style={chip} onClick={() => onPickContact(k)} data-testid="console-contact">
                {k.name}
                {k.title ? ` · ${k.title}` : ''} {k.phone ?? ''} {k.isPrimary ? <Tag color="blue">{t('customers.primary')}</Tag> : null}
              </button>
            ))}
          </Section>
          <Section title={t('console.sites')}>
            {c.sites.length === 0 ? <Typography.Text type="secondary">{t('customers.noSites')}</Typography.Text> : null}
            {c.sites.map((s) => (
              <button type="button" key={s.id} style={chip} onClick={() => onPickSite(s.id)}>
                {s.name} · {s.city} <Typography.Text type="secondary">{s.address}</Typography.Text>
              </button>
            ))}
          </Section>
          <Section title={t('console.products')}>
            {c.products.length === 0 ? <Typography.Text type="secondary">{t('customers.noProducts')}</Typography.Text> : null}
            {c.products.map((p) => (
              <button type="button" key={p.id} style={chip} onClick={() => onPickProduct(p)} data-testid="console-product">
                {p.model} · {p.serialNumber}{' '}
                <Typography.Text type="secondary">
                  {p.productName}
                  {siteName(p.siteId) ? ` · ${siteName(p.siteId)}` : ''}
                </Typography.Text>{' '}
                {p.underWarranty ? <Tag color="green">{t('customers.underWarranty')}</Tag> : <Tag>{t('customers.outOfWarranty')}</Tag>}
              </button>
            ))}
          </Section>
        </Flex>
      </Card>
      <Card size={mobile ? 'small' : 'medium'} title={t('console.openOrdersN', { n: open.items.length })} data-testid="console-open-orders">
        {open.isPending ? (
          <PageSpinner />
        ) : open.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('console.noOpenOrders')} />
        ) : (
          <Flex vertical gap={10}>
            <Typography.Text type="secondary">{t('console.repeatHint')}</Typography.Text>
            {open.items.map((o) => {
              const linked = duplicateOfId === o.id;
              return (
                <Flex key={o.id} justify="space-between" align="center" gap={8} wrap>
                  <div style={{ minWidth: 0 }}>
                    <Link to={`/work-orders/${o.id}`} target="_blank">
                      {o.number}
                    </Link>{' '}
                    <StateTag state={o.state} /> <PriorityTag priority={o.priority} />
                    <div>
                      <Typography.Text>{o.title}</Typography.Text>{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatInstant(o.receivedAt)}
                        {o.assignee ? ` · ${o.assignee.name}` : ''}
                      </Typography.Text>
                    </div>
                  </div>
                  <Button
                    size="small"
                    type={linked ? 'primary' : 'default'}
                    icon={<LinkOutlined />}
                    onClick={() => onLinkDuplicate(linked ? null : o.id)}
                    data-testid={`link-duplicate-${o.number}`}
                  >
                    {linked ? t('console.linked') : t('console.linkRepeat')}
                  </Button>
                </Flex>
              );
            })}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
