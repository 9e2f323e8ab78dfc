import { App, Alert, Button, Card, Flex, Form, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, todayInCompany } from '../../../lib/time.ts';
import { useSubmitSelf } from '../api.ts';
import { answersFromValues, valuesFromAnswers } from '../logic.ts';
import type { ResultDetail } from '../types.ts';
import { LateTag } from './StatusTag.tsx';
import { TemplateFields } from './TemplateFields.tsx';
import { FormProblemAlert, useFormProblem } from './useFormProblem.tsx';

/**
 * P5.3.1: the employee's self-evaluation, built from the template HR keeps (frozen on the
 * result). It may be revised until the supervisor has reviewed. After the due date the server
 * refuses it or accepts it marked late, as the setting appraisal.cycle says; either way the
 * form says so.
 */
export function SelfEvaluationForm({ result, onReload }: { result: ResultDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answers: Record<string, unknown> }>();
  const submit = useSubmitSelf();
  const items = result.selfTemplate ?? [];
  const keys = useMemo(() => items.map((i) => i.key), [items]);
  const { problem, handle, clear } = useFormProblem(form, keys, onReload);
  const overdue = todayInCompany() > result.deadlines.selfDueOn;
  const initialValues = useMemo(() => ({ answers: valuesFromAnswers(items, result.selfAnswers) }), [items, result.selfAnswers]);

  if (!items.length) return <Alert type="warning" showIcon title={t('appraisal.self.noTemplate')} />;

  return (
    <Card
      size="small"
      data-testid="self-form"
      title={
        <span>
          {t('appraisal.self.title')} <Typography.Text type="secondary">P5.3.1</Typography.Text>
        </span>
      }
      extra={<Typography.Text type={overdue ? 'danger' : 'secondary'}>{t('appraisal.self.due', { date: result.deadlines.selfDueOn })}</Typography.Text>}
    >
      {result.selfSubmittedAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <Flex gap={8} align="center" wrap>
              {t('appraisal.self.submittedAt', { at: formatInstant(result.selfSubmittedAt) })}
              {result.selfLate ? <LateTag /> : null}
            </Flex>
          }
          description={t('appraisal.self.revise')}
        />
      ) : overdue ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('appraisal.self.overdue', { date: result.deadlines.selfDueOn })} description={t('appraisal.self.overdueRule')} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        scrollToFirstError
        onValuesChange={clear}
        onFinish={(values) =>
          submit.mutate(
            { id: result.id, version: result.version, answers: answersFromValues(items, values.answers) },
            {
              onSuccess: (saved) => {
                clear();
                if (saved?.selfLate) message.warning(t('appraisal.self.savedLate'));
                else message.success(t('appraisal.self.saved'));
              },
              onError: handle,
            },
          )
        }
      >
        <TemplateFields items={items} testIdPrefix="self-item" />
        <FormProblemAlert problem={problem} testId="self-problem" />
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="self-submit">
          {result.selfSubmittedAt ? t('appraisal.self.update') : t('appraisal.self.submit')}
        </Button>
      </Form>
    </Card>
  );
}
