import type { TFunction } from 'i18next';
import type { StockLocation } from './types.ts';

/** A location in the reader's language: the central warehouse, or a technician's van. */
export function locationLabel(t: TFunction, location: StockLocation | null | undefined): string {
  if (!location) return '';
  if (location.kind === 'warehouse') return t('stock.warehouse');
  return t('stock.vanOf', { name: location.employee?.name ?? location.name });
}
