import { ToolOutlined } from '@ant-design/icons';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The product name and mark; `compact` in the phone header. */
export function Brand({ collapsed = false, compact = false }: { collapsed?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Link to="/" aria-label={t('app.name')} style={{ minWidth: 0, flexShrink: 0 }}>
      <Flex align="center" justify={collapsed ? 'center' : 'flex-start'} gap={8} style={{ height: 56, padding: collapsed ? 0 : compact ? '0 4px' : '0 20px' }}>
        <ToolOutlined style={{ fontSize: 20, color: token.colorPrimary }} />
        {collapsed ? null : (
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Text>
        )}
      </Flex>
    </Link>
  );
}
