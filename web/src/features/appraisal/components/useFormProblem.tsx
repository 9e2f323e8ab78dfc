import { Alert, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../components/formErrors.ts';
import { useApiError } from '../../../components/useApiError.tsx';
import { answerItemKey, answerProblems } from '../logic.ts';

export interface FormProblem {
  code: string;
  status: number;
  title: string;
  detail?: string;
  lines: string[];
}

/**
 * A refused evaluation stays on the form, not in a passing toast: the items the server names
 * (422 `appraisal.answers`, 400) get their message under them, and the refusal itself
 * (`appraisal.self_late`, 403, a published result or a closed period) shows as an alert above
 * the submit button. A stale version offers a reload; a network failure notifies.
 */
export function useFormProblem(form: FormInstance, itemKeys: readonly string[], onReload: () => void) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const handle = useCallback(
    (error: unknown) => {
      if (!isApiError(error) || error.code === 'conflict.stale' || error.status === 0 || error.status === 401) {
        setProblem(null);
        showError(error, { onReload });
        return;
      }
      const answers = answerProblems(error, itemKeys);
      const answerFields = Object.entries(answers).map(([key, message]) => ({ name: ['answers', key], errors: [message ?? t('appraisal.form.answerProblem')] }));
      if (answerFields.length) {
        form.setFields(answerFields);
        form.scrollToField(answerFields[0]!.name, { block: 'center' });
      }
      const others = error.fieldErrors.filter((e) => !(e.field && answerItemKey(e.field, itemKeys)));
      const unplaced = applyFieldErrors(form, others);
      const forbidden = error.status === 403;
      setProblem({
        code: error.code,
        status: error.status,
        title: forbidden ? t('appraisal.form.forbidden') : error.title || t('errors.requestFailed'),
        detail: forbidden ? (error.detail ?? t('appraisal.form.forbiddenDetail')) : error.detail,
        lines: unplaced.map((e) => e.message).filter(Boolean),
      });
    },
    [form, itemKeys, onReload, showError, t],
  );

  return { problem, handle, clear: useCallback(() => setProblem(null), []) };
}

export function FormProblemAlert({ problem, testId }: { problem: FormProblem | null; testId?: string }) {
  if (!problem) return null;
  return (
    <Alert
      type={problem.code === 'appraisal.self_late' || problem.status === 403 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={testId}
      data-code={problem.code}
      title={problem.title}
      description={
        problem.detail || problem.lines.length ? (
          <>
            {problem.detail ? <div>{problem.detail}</div> : null}
            {problem.lines.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}
