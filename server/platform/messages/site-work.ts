import type { Catalog } from './catalog.ts';

// Messages of the site-work module, in both languages.
export const siteWorkMessages = {} as const satisfies Catalog;
