import type { Catalog } from './catalog.ts';

// Messages of the working-time module (issue 5), in both languages.
export const workingTimeMessages = {} as const satisfies Catalog;
