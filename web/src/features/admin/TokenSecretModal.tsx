import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedApiToken } from '../../api/types.ts';

/** The new token's secret, shown this once, with a copy button. */
export function TokenSecretModal({ token, onClose }: { token: IssuedApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('tokens.issuedTitle', { name: token.name })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-done">
          {t('tokens.secretSaved')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: token.token, tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ wordBreak: 'break-all', fontSize: 13 }}
        data-testid="token-secret"
      >
        {token.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
    </Modal>
  );
}
