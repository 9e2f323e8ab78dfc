import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, IssuedApiToken } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useApiTokens, useRevokeToken } from './api.ts';
import { IssueTokenModal } from './IssueTokenModal.tsx';
import { TokenSecretModal } from './TokenSecretModal.tsx';

function TokenState({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Tag color="red">{t('tokens.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return <Tag color="orange">{t('tokens.expired')}</Tag>;
  return <Tag color="green">{t('tokens.valid')}</Tag>;
}

export function TokensTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const tokens = useApiTokens(true);
  const revoke = useRevokeToken();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    { title: t('tokens.prefix'), key: 'prefix', render: (_, tk) => <Typography.Text code>{tk.tokenPrefix}…</Typography.Text> },
    { title: t('tokens.user'), key: 'user', render: (_, tk) => tk.user.username },
    { title: t('tokens.createdAt'), key: 'createdAt', render: (_, tk) => formatInstant(tk.createdAt) },
    { title: t('tokens.expiresAt'), key: 'expiresAt', render: (_, tk) => (tk.expiresAt ? formatInstant(tk.expiresAt) : t('tokens.never')) },
    { title: t('tokens.lastUsedAt'), key: 'lastUsedAt', render: (_, tk) => (tk.lastUsedAt ? formatInstant(tk.lastUsedAt) : '—') },
    { title: t('common.status'), key: 'state', render: (_, tk) => <TokenState token={tk} /> },
    {
      key: 'actions',
      render: (_, tk) =>
        tk.abilities.revoke && !tk.revokedAt ? (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: tk.name })}
            okText={t('tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(tk.id).then(
                () => void message.success(t('tokens.revokedDone')),
                (error: unknown) => showError(error),
              )
            }
          >
            <Button type="link" danger size="small" icon={<StopOutlined />} data-testid="token-revoke">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('tokens.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="token-issue">
          {t('tokens.issue')}
        </Button>
      </Flex>
      <DataTable<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        loading={tokens.isPending}
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
      />
      {issuing ? (
        <IssueTokenModal
          onClose={() => setIssuing(false)}
          onIssued={(token) => {
            setIssuing(false);
            setIssued(token);
          }}
        />
      ) : null}
      {issued ? <TokenSecretModal token={issued} onClose={() => setIssued(null)} /> : null}
    </>
  );
}
