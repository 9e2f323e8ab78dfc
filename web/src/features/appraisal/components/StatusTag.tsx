import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, RESULT_STATUS_COLORS } from '../logic.ts';
import type { ResultStatus } from '../types.ts';
import { useAppraisalLabels } from './labels.ts';

/** A result's step in the cycle (P5.2-P5.3). */
export function ResultStatusTag({ status, testId }: { status: ResultStatus; testId?: string }) {
  const labels = useAppraisalLabels();
  return (
    <Tag color={RESULT_STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}

/** The same as ResultStatusTag, under the name the other appraisal screens look for. */
export const StatusTag = ResultStatusTag;

const PERIOD_COLORS: Record<string, string> = { open: 'processing', published: 'cyan', closed: 'default' };

export function PeriodStatusTag({ status }: { status: string }) {
  const labels = useAppraisalLabels();
  return <Tag color={PERIOD_COLORS[status] ?? 'default'}>{labels.periodStatus(status)}</Tag>;
}

/** The grade band (P5.3.4); "not graded yet" until a composite exists. */
export function GradeTag({ grade, testId }: { grade: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!grade)
    return (
      <Tag data-testid={testId} data-grade="">
        {t('appraisal.noGrade')}
      </Tag>
    );
  return (
    <Tag color={GRADE_COLORS[grade] ?? 'geekblue'} data-testid={testId} data-grade={grade} style={{ fontWeight: 600 }}>
      {grade}
    </Tag>
  );
}

/** A self-evaluation accepted after its deadline (P5.2, setting appraisal.cycle lateSelfEvaluation = mark_late). */
export function LateTag() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" data-testid="self-late">
      {t('appraisal.late')}
    </Tag>
  );
}
