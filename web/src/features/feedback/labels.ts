import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types.ts';
import { useFeedbackOptions } from './api.ts';
import {
  FEEDBACK_DEPARTMENTS,
  FEEDBACK_KINDS,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  type FeedbackDepartment,
  type FeedbackKind,
  type FeedbackSource,
  type FeedbackStatus,
  SEVERITIES,
  type Severity,
} from './types.ts';

export const STATUS_COLORS: Record<FeedbackStatus, string> = {
  received: 'blue',
  investigating: 'gold',
  answered: 'green',
  closed: 'default',
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  low: 'default',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

/** The feedback vocabulary in the UI language (literal keys, so the locale test sees each one). */
export function useFeedbackLabels() {
  const { t, i18n } = useTranslation();
  const options = useFeedbackOptions();
  return useMemo(() => {
    const kinds: Record<FeedbackKind, string> = {
      defect: t('feedback.kind.defect'),
      suggestion: t('feedback.kind.suggestion'),
      opinion: t('feedback.kind.opinion'),
    };
    const statuses: Record<FeedbackStatus, string> = {
      received: t('feedback.status.received'),
      investigating: t('feedback.status.investigating'),
      answered: t('feedback.status.answered'),
      closed: t('feedback.status.closed'),
    };
    const severities: Record<Severity, string> = {
      low: t('feedback.severity.low'),
      medium: t('feedback.severity.medium'),
      high: t('feedback.severity.high'),
      critical: t('feedback.severity.critical'),
    };
    const departments: Record<FeedbackDepartment, string> = {
      product: t('feedback.department.product'),
      quality: t('feedback.department.quality'),
    };
    const sources: Record<FeedbackSource, string> = {
      technician: t('feedback.source.technician'),
      customer: t('feedback.source.customer'),
    };
    const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
    const categories = options.data?.defectCategories ?? [];
    const category = (key: string | null | undefined) => (key ? (categories.find((c) => c.key === key)?.label[locale] ?? key) : '');
    return {
      kind: (k: FeedbackKind) => kinds[k],
      status: (s: FeedbackStatus) => statuses[s],
      severity: (s: Severity) => severities[s],
      department: (d: FeedbackDepartment) => departments[d],
      source: (s: FeedbackSource) => sources[s],
      category,
      kindOptions: FEEDBACK_KINDS.map((value) => ({ value, label: kinds[value] })),
      statusOptions: FEEDBACK_STATUSES.map((value) => ({ value, label: statuses[value] })),
      severityOptions: SEVERITIES.map((value) => ({ value, label: severities[value] })),
      departmentOptions: FEEDBACK_DEPARTMENTS.map((value) => ({ value, label: departments[value] })),
      sourceOptions: FEEDBACK_SOURCES.map((value) => ({ value, label: sources[value] })),
      categoryOptions: categories.map((c) => ({ value: c.key, label: c.label[locale] })),
      modelOptions: (options.data?.models ?? []).map((m) => ({ value: m, label: m })),
    };
  }, [t, i18n.language, options.data]);
}
