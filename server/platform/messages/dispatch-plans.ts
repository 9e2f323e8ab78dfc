import type { Catalog } from './catalog.ts';

// Messages of the dispatch-plans module (issue 5), in both languages.
export const dispatchPlansMessages = {} as const satisfies Catalog;
