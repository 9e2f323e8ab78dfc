// Positions of the after-sales staff (P1.2: at least the three engineer positions; the list is open).
export const POSITIONS = [
  'support_engineer',
  'repair_engineer',
  'installation_engineer',
  'supervisor',
  'manager',
  'hr',
  'agent',
  'other',
] as const;
export type Position = (typeof POSITIONS)[number];

export const TECHNICIAN_POSITIONS = ['support_engineer', 'repair_engineer', 'installation_engineer'] as const;
