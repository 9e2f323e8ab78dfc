import type { Catalog } from './catalog.ts';

// Messages of the reports module, in both languages.
export const reportsMessages = {} as const satisfies Catalog;
