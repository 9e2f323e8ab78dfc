import type { Catalog } from './catalog.ts';

// Messages of the feedback module, in both languages.
export const feedbackMessages = {} as const satisfies Catalog;
