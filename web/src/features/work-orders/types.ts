import type { Instant, WorkOrder, WorkOrderSummary } from '../../api/types.ts';

// What issue 5 (dispatch and route planning) adds to the work-order list items and the detail.
// Optional: a server from before issue 5 leaves them out.

export interface PlannedFields {
  /** When the accepted day plan has the technician arrive. */
  plannedArrivalAt?: Instant | null;
  /** The visit's place in the technician's day (1-based). */
  routeSequence?: number | null;
}

export interface RequirementFields {
  requiredSkill?: string | null;
  requiredSkillLevel?: number | null;
  serviceMinutes?: number | null;
}

export type PlannedWorkOrderSummary = WorkOrderSummary & PlannedFields;

export type DispatchedWorkOrder = WorkOrder & PlannedFields & RequirementFields & { abilities: WorkOrder['abilities'] & { dispatch?: boolean } };

export interface RequirementInput {
  requiredSkill: string | null;
  requiredSkillLevel: number;
  serviceMinutes: number;
  version: number;
}
