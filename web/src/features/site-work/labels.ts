import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistKind, MaintenanceKind, MaintenanceResult, ToolDue, ToolKind, ToolStatus, WorkType } from './types.ts';
import { CHECKLIST_KINDS, MAINTENANCE_KINDS, MAINTENANCE_RESULTS, TOOL_KINDS, TOOL_STATUSES, WORK_TYPES } from './types.ts';

/** Labels of this module's vocabularies, each value a literal key (locales.test.ts finds them). */
export function useSiteWorkLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const workType = (v: WorkType) =>
      ({
        repair: t('checklists.workType.repair'),
        installation: t('checklists.workType.installation'),
        commissioning: t('checklists.workType.commissioning'),
        maintenance: t('checklists.workType.maintenance'),
      })[v];
    const checklistKind = (v: ChecklistKind) => (v === 'safety' ? t('checklists.kind.safety') : t('checklists.kind.procedure'));
    const toolKind = (v: ToolKind) =>
      ({ tool: t('tools.kind.tool'), instrument: t('tools.kind.instrument'), equipment: t('tools.kind.equipment') })[v];
    const toolStatus = (v: ToolStatus) =>
      ({ in_service: t('tools.status.in_service'), out_of_service: t('tools.status.out_of_service'), retired: t('tools.status.retired') })[v];
    const maintenanceKind = (v: MaintenanceKind) =>
      ({
        calibration: t('tools.maintenanceKind.calibration'),
        maintenance: t('tools.maintenanceKind.maintenance'),
        repair: t('tools.maintenanceKind.repair'),
        inspection: t('tools.maintenanceKind.inspection'),
      })[v];
    const maintenanceResult = (v: MaintenanceResult) =>
      ({ pass: t('tools.result.pass'), fail: t('tools.result.fail'), done: t('tools.result.done') })[v];
    const due = (v: ToolDue) =>
      ({ overdue: t('tools.due.overdue'), due_soon: t('tools.due.due_soon'), ok: t('tools.due.ok'), none: t('tools.due.none') })[v];
    const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({ value, label: label(value) }));
    return {
      workType,
      checklistKind,
      toolKind,
      toolStatus,
      maintenanceKind,
      maintenanceResult,
      due,
      workTypeOptions: options(WORK_TYPES, workType),
      checklistKindOptions: options(CHECKLIST_KINDS, checklistKind),
      toolKindOptions: options(TOOL_KINDS, toolKind),
      toolStatusOptions: options(TOOL_STATUSES, toolStatus),
      maintenanceKindOptions: options(MAINTENANCE_KINDS, maintenanceKind),
      maintenanceResultOptions: options(MAINTENANCE_RESULTS, maintenanceResult),
    };
  }, [t]);
}
