import { useTranslation } from 'react-i18next';
import type { FaultCategory, ReportField } from './types.ts';

/** The reports screens' enumerations in the current language (literal keys, so the locale test sees them). */
export function useReportLabels() {
  const { t, i18n } = useTranslation();
  const categories: Record<FaultCategory, string> = {
    electrical: t('faultCodes.categories.electrical'),
    refrigeration: t('faultCodes.categories.refrigeration'),
    mechanical: t('faultCodes.categories.mechanical'),
    control: t('faultCodes.categories.control'),
    installation: t('faultCodes.categories.installation'),
    usage: t('faultCodes.categories.usage'),
  };
  const fields: Record<ReportField, string> = {
    faultCode: t('reports.faultCode'),
    faultCause: t('reports.faultCause'),
    solution: t('reports.solution'),
    travelMinutes: t('reports.travelMinutes'),
    onSiteMinutes: t('reports.onSiteMinutes'),
    trainingTopics: t('reports.trainingTopics'),
    trainingAttendees: t('reports.trainingAttendees'),
    trainingMinutes: t('reports.trainingMinutes'),
  };
  const english = i18n.language.startsWith('en');
  return {
    category: (c: string) => categories[c as FaultCategory] ?? c,
    field: (f: string) => fields[f as ReportField] ?? f,
    codeName: (c: { nameZh: string; nameEn: string }) => (english ? c.nameEn : c.nameZh),
    kind: (k: 'repair' | 'installation') => (k === 'installation' ? t('reports.kindInstallation') : t('reports.kindRepair')),
    status: (s: 'none' | 'draft' | 'filed') => (s === 'filed' ? t('reports.statusFiled') : s === 'draft' ? t('reports.statusDraft') : t('reports.statusNone')),
  };
}
