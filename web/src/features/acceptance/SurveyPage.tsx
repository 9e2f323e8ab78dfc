import { Button, Card, Descriptions, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import '../../locales/field.ts';
import { isApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useSubmitSurvey, useSurvey } from './api.ts';
import { answeredOnly, QuestionnaireFields } from './QuestionnaireFields.tsx';
import type { SurveyView } from './types.ts';

type Refusal = 'used' | 'expired' | 'invalid';
type Outcome = 'thanks' | Refusal;

interface Values {
  rating?: number;
  answers?: Record<string, number | undefined>;
  comment?: string;
}

/** Why the server refused the link (P5.1.1), when it did. */
function refusalOf(error: unknown): Refusal | null {
  if (!isApiError(error)) return null;
  if (error.code === 'survey.used') return 'used';
  if (error.code === 'survey.expired') return 'expired';
  if (error.code === 'survey.invalid') return 'invalid';
  return null;
}

function OutcomeResult({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const texts: Record<Outcome, { title: string; sub: string; status: 'success' | 'info' | 'warning' | 'error' }> = {
    thanks: { title: t('survey.thanksTitle'), sub: t('survey.thanksBody'), status: 'success' },
    used: { title: t('survey.usedTitle'), sub: t('survey.usedBody'), status: 'info' },
    expired: { title: t('survey.expiredTitle'), sub: t('survey.expiredBody'), status: 'warning' },
    invalid: { title: t('survey.invalidTitle'), sub: t('survey.invalidBody'), status: 'error' },
  };
  const text = texts[outcome];
  return (
    <div data-testid="survey-result" data-status={outcome}>
      <Result status={text.status} title={text.title} subTitle={text.sub} />
    </div>
  );
}

function SurveyForm({ token, survey, onDone }: { token: string; survey: SurveyView; onDone: (o: Outcome) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitSurvey(token);
  const showError = useApiError();
  return (
    <Card>
      <Typography.Paragraph>{t('survey.intro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'order', label: t('survey.order'), children: `${survey.order.number} · ${survey.order.title}` },
          ...(survey.technicianName ? [{ key: 'tech', label: t('survey.technician'), children: survey.technicianName }] : []),
          ...(survey.serviceDate ? [{ key: 'date', label: t('survey.serviceDate'), children: formatInstant(survey.serviceDate) }] : []),
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={async (values) => {
          try {
            await submit.mutateAsync({ rating: values.rating ?? 0, answers: answeredOnly(values.answers), comment: values.comment?.trim() || undefined });
            onDone('thanks');
          } catch (error) {
            const refusal = refusalOf(error);
            if (refusal) onDone(refusal);
            else showError(error, { form });
          }
        }}
      >
        <QuestionnaireFields questionnaire={survey.questionnaire} testIdPrefix="survey" />
        <Form.Item name="comment" label={t('survey.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="survey-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="survey-submit">
          {t('survey.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function SurveyBody({ token }: { token: string }) {
  const query = useSurvey(token);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (outcome) return <OutcomeResult outcome={outcome} />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    const refusal = refusalOf(query.error);
    return refusal ? <OutcomeResult outcome={refusal} /> : <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <SurveyForm token={token} survey={query.data} onDone={setOutcome} />;
}

/** The customer's survey (P5.1.1, P5.3.3): opened from the emailed link, no sign-in, works once. */
export default function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '16px 12px' }}>
      <Flex vertical gap={16} style={{ maxWidth: 560, margin: '0 auto' }}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('survey.title')}
          </Typography.Title>
          <LanguageSwitch compact />
        </Flex>
        <SurveyBody token={token} />
      </Flex>
    </div>
  );
}
