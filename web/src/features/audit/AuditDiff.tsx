import { Col, Row, Space, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

function pretty(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** Before and after of an audited change, side by side (stacked on phones). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const changed = changedKeys(before, after);
  const block = {
    margin: 0,
    padding: 12,
    background: token.colorFillQuaternary,
    borderRadius: token.borderRadius,
    fontSize: 12,
    maxHeight: 400,
    overflow: 'auto',
    whiteSpace: 'pre-wrap' as const,
    wordBreak: 'break-all' as const,
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {changed.length > 0 ? (
        <Space size={[4, 4]} wrap>
          <Typography.Text type="secondary">{t('audit.changedFields')}</Typography.Text>
          {changed.map((key) => (
            <Tag key={key} color="orange">
              {key}
            </Tag>
          ))}
        </Space>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre style={block} data-testid="audit-before">
            {pretty(before)}
          </pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre style={block} data-testid="audit-after">
            {pretty(after)}
          </pre>
        </Col>
      </Row>
    </Space>
  );
}
