import { PlusOutlined, SearchOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Input, Spin, Tag, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CustomerSummary, Page } from '../../api/types.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { CustomerFormModal } from '../customers/CustomerFormModal.tsx';

const looksLikePhone = (text: string) => /^[0-9+\-() ]{5,}$/.test(text);

/**
 * Finds the caller's customer by phone, name or serial number while the agent types, or
 * records a new one.
 */
export function CustomerLookup({ onPick }: { onPick: (customerId: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mobile = useIsMobile();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ['customers', 'console', q],
    queryFn: ({ signal }) => api.get<Page<CustomerSummary>>('/customers', { q, limit: 8 }, signal),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];

  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      title={t('console.findCustomer')}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="console-new-customer">
          {t('console.newCustomer')}
        </Button>
      }
    >
      <Input
        size="large"
        allowClear
        autoFocus
        prefix={<SearchOutlined />}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => {
          setQ(text.trim());
          if (items.length === 1 && items[0]) onPick(items[0].id);
        }}
        placeholder={t('console.searchPlaceholder')}
        data-testid="console-search"
        enterKeyHint="search"
      />
      <div style={{ marginTop: 12 }}>
        {q.length === 0 ? (
          <Typography.Text type="secondary">{t('console.searchHint')}</Typography.Text>
        ) : found.isFetching && items.length === 0 ? (
          <Flex justify="center" style={{ padding: 16 }}>
            <Spin />
          </Flex>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('console.noCustomer')} />
        ) : (
          <Flex vertical gap={8} data-testid="console-results">
            {items.map((c) => (
              <button
                type="button"
                key={c.id}
                onClick={() => onPick(c.id)}
                data-testid={`console-customer-${c.customerNo}`}
                style={{
                  textAlign: 'start',
                  cursor: 'pointer',
                  padding: '8px 12px',
                  borderRadius: 8,
                  border: `1px solid ${token.colorBorderSecondary}`,
                  background: token.colorBgContainer,
                  font: 'inherit',
                }}
              >
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>
                    <ShopOutlined /> {c.name}
                  </Typography.Text>
                  <Typography.Text type="secondary">{c.customerNo}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[c.phone, c.primaryContact ? `${c.primaryContact.name} ${c.primaryContact.phone ?? ''}` : null].filter(Boolean).join(' · ')}
                </Typography.Text>
                {c.status === 'inactive' ? <Tag style={{ marginInlineStart: 8 }}>{t('status.inactive')}</Tag> : null}
              </button>
            ))}
          </Flex>
        )}
      </div>
      {creating ? (
        <CustomerFormModal
          defaults={looksLikePhone(text.trim()) ? { phone: text.trim() } : { name: text.trim() || undefined }}
          onClose={() => setCreating(false)}
          onSaved={(customer) => {
            setCreating(false);
            onPick(customer.id);
          }}
        />
      ) : null}
    </Card>
  );
}
