import { Form, Rate } from 'antd';
import { cloneElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localized, Questionnaire } from './types.ts';

/** The label in the UI's language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (label: Localized) => (i18n.language === 'en' ? label.en : label['zh-CN']);
}

/** An antd Rate whose stars can be clicked by a test: `<testId>-star-<n>`. */
export function StarRate({ testId, value, onChange, disabled }: { testId: string; value?: number; onChange?: (v: number) => void; disabled?: boolean }) {
  return (
    <Rate
      value={value}
      onChange={onChange}
      disabled={disabled}
      data-testid={testId}
      characterRender={(origin, { index }) => cloneElement(origin as ReactElement<Record<string, unknown>>, { 'data-testid': `${testId}-star-${(index ?? 0) + 1}` })}
    />
  );
}

interface QuestionnaireFieldsProps {
  questionnaire: Questionnaire;
  /** Test id prefix: `<prefix>-rating`, `<prefix>-question-<key>`. */
  testIdPrefix: 'accept' | 'survey';
}

/**
 * The overall 1-5 rating and each question of the questionnaire in force, 1-5 (P5.1.1); the
 * required questions must be answered. Form names: `rating`, `answers.<key>`.
 */
export function QuestionnaireFields({ questionnaire, testIdPrefix }: QuestionnaireFieldsProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const required = { required: true, message: t('acceptance.scoreRequired') };
  return (
    <>
      <Form.Item name="rating" label={t('acceptance.overallRating')} rules={[required]}>
        <StarRate testId={`${testIdPrefix}-rating`} />
      </Form.Item>
      {questionnaire.questions.map((q) => (
        <Form.Item key={q.key} name={['answers', q.key]} label={localized(q.label)} rules={q.required ? [required] : []}>
          <StarRate testId={`${testIdPrefix}-question-${q.key}`} />
        </Form.Item>
      ))}
    </>
  );
}

/** The answers the form holds, without the questions left unrated. */
export function answeredOnly(answers: Record<string, number | undefined> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(answers ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
}
