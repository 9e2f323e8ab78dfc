import type { Catalog } from './catalog.ts';

// Messages of the acceptance module, in both languages.
export const acceptanceMessages = {} as const satisfies Catalog;
