// The appraisal module's API shapes (issue 6): inferred from the server's schemas, so the two
// cannot drift. Type-only: nothing of the server reaches the bundle.
import type { z } from 'zod';
import type {
  appealListItemView,
  appealView,
  developmentActionView,
  excellentView,
  excuseView,
  explainItemView,
  explainView,
  growthRecordView,
  historyView,
  payCoefficientView,
  periodEventView,
  periodView,
  resultDetailView,
  resultSummaryView,
  scoredIndicatorView,
  templateView,
} from '../../../../server/modules/appraisal/schemas.ts';

export type { TemplateItem } from '../../../../core/appraisal/forms.ts';
export type { IndicatorKey } from '../../../../core/appraisal/indicators.ts';
export { INDICATORS } from '../../../../core/appraisal/indicators.ts';

export type Period = z.infer<typeof periodView>;
export type PeriodEvent = z.infer<typeof periodEventView>;
export type ScoredIndicator = z.infer<typeof scoredIndicatorView>;
export type ResultSummary = z.infer<typeof resultSummaryView>;
export type ResultDetail = z.infer<typeof resultDetailView>;
export type HistoryEntry = z.infer<typeof historyView>;
export type Appeal = z.infer<typeof appealView>;
export type AppealListItem = z.infer<typeof appealListItemView>;
export type DevelopmentAction = z.infer<typeof developmentActionView>;
export type Explain = z.infer<typeof explainView>;
export type ExplainItem = z.infer<typeof explainItemView>;
export type Template = z.infer<typeof templateView>;
export type GrowthRecord = z.infer<typeof growthRecordView>;
export type ArrivalExcuse = z.infer<typeof excuseView>;
export type PayCoefficient = z.infer<typeof payCoefficientView>;
export type ExcellentEntry = z.infer<typeof excellentView>;
export type ResultStatus = ResultSummary['status'];
export type ExcuseReason = ArrivalExcuse['reason'];
export type GrowthKind = GrowthRecord['kind'];
