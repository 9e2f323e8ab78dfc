// The stock module's API shapes (P4.3.1): parts, locations, levels, movements, an order's parts.

export interface Part {
  id: string;
  partNo: string;
  name: string;
  models: string[];
  unit: string;
  unitCostFen: number;
  active: boolean;
  version: number;
  abilities: { update: boolean; deactivate: boolean; reactivate: boolean };
}

export interface PartInput {
  partNo: string;
  name: string;
  models: string[];
  unit: string;
  unitCostFen: number;
}

export interface PartFilters {
  q?: string;
  model?: string;
  status?: 'active' | 'inactive' | 'all';
}

export interface PartRef {
  id: string;
  partNo: string;
  name: string;
  unit: string;
  unitCostFen: number;
}

export type LocationKind = 'warehouse' | 'van';

export interface StockLocation {
  id: string;
  kind: LocationKind;
  name: string;
  employee: { id: string; name: string } | null;
}

export interface StockLevel {
  part: PartRef;
  onHand: number;
  reserved: number;
  available: number;
}

export interface LevelsPage {
  location: StockLocation | null;
  items: StockLevel[];
  nextCursor: string | null;
}

export const MOVEMENT_KINDS = ['receive', 'adjust', 'reserve', 'release', 'issue', 'consume', 'return', 'transfer'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface StockMovement {
  id: string;
  at: string;
  kind: MovementKind;
  part: PartRef;
  quantity: number;
  from: StockLocation | null;
  to: StockLocation | null;
  workOrder: { id: string; number: string } | null;
  actorLabel: string;
  note: string | null;
}

export interface MovementFilters {
  partId?: string;
  locationId?: string;
  workOrderId?: string;
}

export const ORDER_PART_STEPS = ['plan', 'reserve', 'release', 'issue', 'consume', 'return'] as const;
export type OrderPartStep = (typeof ORDER_PART_STEPS)[number];

export interface OrderPartLine {
  id: string;
  part: PartRef;
  planned: number;
  reserved: number;
  issued: number;
  consumed: number;
  returned: number;
  outstanding: number;
  unitCostFen: number;
  costFen: number;
}

export interface OrderParts {
  workOrderId: string;
  items: OrderPartLine[];
  totalCostFen: number;
  abilities: Record<OrderPartStep, boolean>;
}
