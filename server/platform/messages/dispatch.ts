import type { Catalog } from './catalog.ts';

// Messages of the dispatch module (issue 5), in both languages.
export const dispatchMessages = {} as const satisfies Catalog;
