import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../lib/useIsMobile.ts';
import { appraisalKeys } from '../api.ts';
import { ResultView } from '../components/ResultView.tsx';
import type { ResultDetail } from '../types.ts';
import { AnswerAppealModal } from './AnswerAppealModal.tsx';
import { CalibrateModal } from './CalibrateModal.tsx';

/** One result as HR sees it (P5.3.4): the whole detail, with "calibrate" and "answer the appeal" when allowed. */
export function ResultDrawer({ resultId, title, onClose }: { resultId: string; title?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const [calibrating, setCalibrating] = useState<ResultDetail | null>(null);
  const [answering, setAnswering] = useState<ResultDetail | null>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
  return (
    <Drawer open size={mobile ? '100%' : 960} title={title ?? t('appraisalHr.results.detail')} onClose={onClose} destroyOnHidden data-testid="hr-result-drawer">
      <ResultView
        resultId={resultId}
        actions={(result) => (
          <Space wrap>
            {result.abilities.calibrate ? (
              <Button onClick={() => setCalibrating(result)} data-testid="calibrate-button">
                {t('appraisalHr.calibrate.button')}
              </Button>
            ) : null}
            {result.abilities.answer && result.status === 'appealed' ? (
              <Button type="primary" onClick={() => setAnswering(result)} data-testid="answer-button">
                {t('appraisalHr.answer.button')}
              </Button>
            ) : null}
          </Space>
        )}
      />
      {calibrating ? <CalibrateModal result={calibrating} onClose={() => setCalibrating(null)} onReload={reload} /> : null}
      {answering ? <AnswerAppealModal result={answering} onClose={() => setAnswering(null)} onReload={reload} /> : null}
    </Drawer>
  );
}
