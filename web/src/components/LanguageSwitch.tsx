import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth.tsx';
import { useApiError } from './useApiError.tsx';

/** Toggles 简体中文 / English; the button names the language it switches to. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useAuth();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  const label = next === 'en' ? t('language.en') : t('language.zhCN');
  const short = next === 'en' ? t('language.enShort') : t('language.zhCNShort');
  return (
    <Tooltip title={t('language.switch')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        loading={busy}
        lang={next}
        aria-label={t('language.switch')}
        data-testid="lang-switch"
        onClick={async () => {
          setBusy(true);
          try {
            await changeLocale(next);
          } catch (error) {
            showError(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        {compact ? short : label}
      </Button>
    </Tooltip>
  );
}
