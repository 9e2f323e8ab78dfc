import { Descriptions, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../types.ts';
import { useLocalizedText } from './labels.ts';

/** A filled-in evaluation form read back: each item of its template with the answer (scores as stars of 5). */
export function AnswersView({ template, answers, testId }: { template: readonly TemplateItem[] | null; answers: Record<string, number | string> | null; testId?: string }) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  if (!answers) return null;
  const items = template ?? Object.keys(answers).map((key): TemplateItem => ({ key, label: { 'zh-CN': key, en: key }, kind: typeof answers[key] === 'number' ? 'score' : 'text', weight: 0, required: false }));
  return (
    <Descriptions size="small" column={1} data-testid={testId}>
      {items.map((item) => {
        const a = answers[item.key];
        return (
          <Descriptions.Item key={item.key} label={localized(item.label)}>
            {a === undefined || a === '' ? (
              <Typography.Text type="secondary">{t('appraisal.form.unanswered')}</Typography.Text>
            ) : item.kind === 'score' && typeof a === 'number' ? (
              <span>
                <Rate disabled value={a} style={{ fontSize: 14 }} /> <Typography.Text type="secondary">{a} / 5</Typography.Text>
              </span>
            ) : (
              <span style={{ whiteSpace: 'pre-wrap' }}>{String(a)}</span>
            )}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
