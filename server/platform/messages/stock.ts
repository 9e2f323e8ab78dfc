import type { Catalog } from './catalog.ts';

// Messages of the stock module, in both languages.
export const stockMessages = {} as const satisfies Catalog;
