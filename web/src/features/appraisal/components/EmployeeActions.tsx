import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../components/useApiError.tsx';
import { todayInCompany } from '../../../lib/time.ts';
import { useAcknowledge } from '../api.ts';
import { resultSteps } from '../logic.ts';
import type { ResultDetail } from '../types.ts';
import { AppealModal } from './AppealModal.tsx';

/** The employee's answer to a published result (P5.2): acknowledge it, or appeal within the window. */
export function EmployeeActions({ result, onReload }: { result: ResultDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const acknowledge = useAcknowledge();
  const [appealing, setAppealing] = useState(false);
  const steps = resultSteps(result, todayInCompany());

  const confirmAcknowledge = () =>
    modal.confirm({
      title: t('appraisal.acknowledge.title', { label: result.periodLabel }),
      content: t('appraisal.acknowledge.body'),
      okText: t('appraisal.acknowledge.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'acknowledge-confirm' } as Record<string, string>,
      onOk: () =>
        acknowledge.mutateAsync({ id: result.id, version: result.version }).then(
          () => void message.success(t('appraisal.acknowledge.done')),
          (error: unknown) => showError(error, { onReload }),
        ),
    });

  return (
    <>
      {steps.acknowledge ? (
        <Button type="primary" icon={<CheckOutlined />} loading={acknowledge.isPending} onClick={confirmAcknowledge} data-testid="acknowledge-button">
          {t('appraisal.acknowledge.button')}
        </Button>
      ) : null}
      {steps.appeal ? (
        <Button danger icon={<ExclamationCircleOutlined />} onClick={() => setAppealing(true)} data-testid="appeal-button">
          {t('appraisal.appeal.button')}
        </Button>
      ) : null}
      {steps.appealClosed ? (
        <Tooltip title={t('appraisal.appeal.closedHelp')}>
          <Typography.Text type="secondary">{t('appraisal.appeal.closed', { date: result.deadlines.appealDueOn ?? '' })}</Typography.Text>
        </Tooltip>
      ) : null}
      {appealing ? <AppealModal result={result} onClose={() => setAppealing(false)} onReload={onReload} /> : null}
    </>
  );
}
