// A measured value on a checklist item (P4.3.2): its unit and range, either bound open. Kept
// free of zod so that the phone screen checks a value with the same rule as the server.

export type Measurement = { unit: string; min: number | null; max: number | null };

/** A measured value outside the item's range. */
export function isOutOfRange(measurement: Measurement | null, value: number | null): boolean {
  if (!measurement || value === null) return false;
  return (measurement.min !== null && value < measurement.min) || (measurement.max !== null && value > measurement.max);
}
