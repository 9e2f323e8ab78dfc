import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StarRate } from '../../acceptance/QuestionnaireFields.tsx';
import { formatInstant, todayInCompany } from '../../../lib/time.ts';
import { useSubmitReview } from '../api.ts';
import { answersFromValues, valuesFromAnswers } from '../logic.ts';
import type { ResultDetail } from '../types.ts';
import { TemplateFields } from './TemplateFields.tsx';
import { FormProblemAlert, useFormProblem } from './useFormProblem.tsx';

interface ReviewValues {
  answers: Record<string, unknown>;
  teamworkRating: number;
  comment?: string;
}

/**
 * P5.3.2: the supervisor's evaluation from the template HR keeps, with the teamwork rating
 * (1-5, its share of the teamwork indicator, P5.1.5) and a comment. Someone outside the
 * supervisor's teams is refused (403) and the form says so.
 */
export function ReviewForm({ result, onReload, onDone }: { result: ResultDetail; onReload: () => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const submit = useSubmitReview();
  const items = result.reviewTemplate ?? [];
  const keys = useMemo(() => items.map((i) => i.key), [items]);
  const { problem, handle, clear } = useFormProblem(form, keys, onReload);
  const initialValues = useMemo(
    () => ({ answers: valuesFromAnswers(items, result.reviewAnswers), teamworkRating: result.teamworkRating ?? undefined, comment: result.reviewComment ?? '' }),
    [items, result.reviewAnswers, result.teamworkRating, result.reviewComment],
  );
  // HR's form may carry its own text items (a comment); the separate comment then only shows when one was kept before.
  const withComment = !items.some((i) => i.kind === 'text') || Boolean(result.reviewComment);
  const overdue = todayInCompany() > result.deadlines.reviewDueOn;

  return (
    <Card
      size="small"
      data-testid="review-form"
      title={
        <span>
          {t('appraisal.review.title')} <Typography.Text type="secondary">P5.3.2</Typography.Text>
        </span>
      }
      extra={<Typography.Text type={overdue ? 'danger' : 'secondary'}>{t('appraisal.review.due', { date: result.deadlines.reviewDueOn })}</Typography.Text>}
    >
      {result.reviewedAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('appraisal.review.reviewedAt', { at: formatInstant(result.reviewedAt), by: result.reviewedByLabel ?? '' })}
          description={t('appraisal.review.revise')}
        />
      ) : null}
      {!result.selfSubmittedAt ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('appraisal.review.noSelfYet')} /> : null}
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        scrollToFirstError
        onValuesChange={clear}
        onFinish={(values) =>
          submit.mutate(
            {
              id: result.id,
              version: result.version,
              answers: answersFromValues(items, values.answers),
              teamworkRating: values.teamworkRating,
              comment: values.comment?.trim() ? values.comment.trim() : null,
            },
            {
              onSuccess: () => {
                clear();
                message.success(t('appraisal.review.saved', { name: result.employee.name }));
                onDone?.();
              },
              onError: handle,
            },
          )
        }
      >
        {items.length ? <TemplateFields items={items} testIdPrefix="review-item" /> : <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('appraisal.review.noTemplate')} />}
        <Form.Item
          name="teamworkRating"
          label={t('appraisal.review.teamwork')}
          extra={t('appraisal.review.teamworkHelp')}
          rules={[{ required: true, type: 'number', min: 1, message: t('appraisal.form.scoreRequired') }]}
        >
          <StarRate testId="teamwork-rating" />
        </Form.Item>
        {withComment ? (
          <Form.Item name="comment" label={t('appraisal.review.comment')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="review-comment" />
          </Form.Item>
        ) : null}
        <FormProblemAlert problem={problem} testId="review-problem" />
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="review-submit">
          {result.reviewedAt ? t('appraisal.review.update') : t('appraisal.review.submit')}
        </Button>
      </Form>
    </Card>
  );
}
