import type { Selectable } from 'kysely';
import type { PartsTable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { partPolicy } from './policy.ts';
import type { LevelRow, LocationRow, MovementRow, OrderPartRow } from './queries.ts';

export function presentPart(actor: Actor, p: Selectable<PartsTable>) {
  return {
    id: p.id,
    partNo: p.partNo,
    name: p.name,
    models: p.models,
    unit: p.unit,
    unitCostFen: Number(p.unitCostFen),
    active: p.active,
    version: p.version,
    abilities: partPolicy.abilities(actor, p),
  };
}

type PartColumns = { partId: string; partNo: string; partName: string; unit: string; unitCostFen: string | number };
export const presentPartRef = (r: PartColumns) => ({ id: r.partId, partNo: r.partNo, name: r.partName, unit: r.unit, unitCostFen: Number(r.unitCostFen) });

export function presentLocation(l: LocationRow) {
  return { id: l.id, kind: l.kind, name: l.name, employee: l.employeeId ? { id: l.employeeId, name: l.employeeName ?? '' } : null };
}

export function presentLevel(r: LevelRow) {
  return { part: presentPartRef(r), onHand: r.onHand, reserved: r.reserved, available: r.onHand - r.reserved };
}

export function presentMovement(m: MovementRow, locations: ReadonlyMap<string, LocationRow>) {
  const place = (id: string | null) => {
    const l = id ? locations.get(id) : undefined;
    return l ? presentLocation(l) : null;
  };
  return {
    id: String(m.id),
    at: m.at.toISOString(),
    kind: m.kind,
    part: presentPartRef(m),
    quantity: m.quantity,
    from: place(m.fromLocationId),
    to: place(m.toLocationId),
    workOrder: m.workOrderId ? { id: m.workOrderId, number: m.workOrderNumber ?? '' } : null,
    actorLabel: m.actorLabel,
    note: m.note,
  };
}

export function presentOrderPart(r: OrderPartRow) {
  const unitCostFen = Number(r.snapshotFen);
  return {
    id: r.id,
    part: presentPartRef(r),
    planned: r.planned,
    reserved: r.reserved,
    issued: r.issued,
    consumed: r.consumed,
    returned: r.returned,
    outstanding: Math.max(0, r.issued - r.consumed - r.returned),
    unitCostFen,
    costFen: unitCostFen * r.consumed,
  };
}
