import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StarRate } from '../../acceptance/QuestionnaireFields.tsx';
import type { TemplateItem } from '../types.ts';
import { useLocalizedText } from './labels.ts';

/**
 * The items of an evaluation template HR keeps (P5.3.1, P5.3.2) as form fields named
 * `answers.<key>`: a score item as 1-5 stars (`<testIdPrefix>-<key>-star-<n>`), a text item as
 * a text area (`<testIdPrefix>-<key>`); required items are marked and checked.
 */
export function TemplateFields({ items, testIdPrefix, disabled }: { items: readonly TemplateItem[]; testIdPrefix: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  return (
    <>
      {items.map((item) =>
        item.kind === 'score' ? (
          <Form.Item
            key={item.key}
            name={['answers', item.key]}
            label={
              <span>
                {localized(item.label)}{' '}
                {item.weight > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('appraisal.form.weight', { weight: item.weight })}
                  </Typography.Text>
                ) : null}
              </span>
            }
            required={item.required}
            rules={item.required ? [{ required: true, type: 'number', min: 1, message: t('appraisal.form.scoreRequired') }] : []}
            extra={t('appraisal.form.scale')}
          >
            <StarRate testId={`${testIdPrefix}-${item.key}`} disabled={disabled} />
          </Form.Item>
        ) : (
          <Form.Item
            key={item.key}
            name={['answers', item.key]}
            label={localized(item.label)}
            required={item.required}
            rules={[...(item.required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []), { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount disabled={disabled} data-testid={`${testIdPrefix}-${item.key}`} />
          </Form.Item>
        ),
      )}
    </>
  );
}
