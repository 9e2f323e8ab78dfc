import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../api/types.ts';

/** Certificate names; an expired one is red and says so. */
export function CertificateTags({ certificates }: { certificates: Certificate[] }) {
  const { t } = useTranslation();
  if (certificates.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {certificates.map((c) => (
        <Tooltip key={c.id} title={c.expiresOn ? t('people.expiresOn', { date: c.expiresOn }) : t('people.noExpiry')}>
          <Tag color={c.expired ? 'red' : 'blue'} data-testid={c.expired ? 'certificate-expired' : undefined}>
            {c.name}
            {c.expired ? ` · ${t('people.expired')}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
