import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Selectable } from 'kysely';
import { toolPolicy } from './policy.ts';
import type { ToolRow } from './queries.ts';

/** Today and the last day that still counts as "due soon", both company dates. */
export type DueWindow = { today: string; soonUntil: string };

/** P2.2.3: a due date before today is overdue; within tools.calibrationWarnDays it is due soon. */
export function dueStatus(dueOn: string | null, w: DueWindow): 'overdue' | 'due_soon' | 'ok' | 'none' {
  if (!dueOn) return 'none';
  if (dueOn < w.today) return 'overdue';
  return dueOn <= w.soonUntil ? 'due_soon' : 'ok';
}

function lastCalibration(value: string | null) {
  if (!value) return null;
  const [performedOn, result] = value.split(' ') as [string, 'pass' | 'fail' | 'done'];
  return { performedOn, result };
}

export function presentToolSummary(actor: Actor, t: ToolRow, w: DueWindow) {
  return {
    id: t.id,
    assetNo: t.assetNo,
    name: t.name,
    kind: t.kind,
    model: t.model,
    serialNumber: t.serialNumber,
    holder: t.holderId ? { id: t.holderId, name: t.holderName ?? '' } : null,
    calibrationDueOn: t.calibrationDueOn,
    maintenanceIntervalDays: t.maintenanceIntervalDays,
    status: t.status,
    notes: t.notes,
    due: dueStatus(t.calibrationDueOn, w),
    lastCalibration: lastCalibration(t.lastCalibration),
    version: t.version,
    abilities: toolPolicy.abilities(actor, t),
  };
}

export function presentTool(actor: Actor, t: ToolRow, w: DueWindow, log: Selectable<DB['toolMaintenance']>[]) {
  return {
    ...presentToolSummary(actor, t, w),
    maintenance: log.map((m) => ({
      id: m.id,
      kind: m.kind,
      performedOn: m.performedOn,
      performedBy: m.performedBy,
      result: m.result,
      note: m.note,
      nextDueOn: m.nextDueOn,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

/** A tool on an order: the overdue calibration and a failed last calibration are flagged (P4.3.1, P2.2.3). */
export function presentOrderTool(t: ToolRow & { addedAt: Date }, w: DueWindow) {
  return {
    id: t.id,
    assetNo: t.assetNo,
    name: t.name,
    kind: t.kind,
    holder: t.holderId ? { id: t.holderId, name: t.holderName ?? '' } : null,
    calibrationDueOn: t.calibrationDueOn,
    status: t.status,
    overdue: dueStatus(t.calibrationDueOn, w) === 'overdue',
    lastCalibrationFailed: lastCalibration(t.lastCalibration)?.result === 'fail',
    addedAt: t.addedAt.toISOString(),
  };
}
