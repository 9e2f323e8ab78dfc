import type { Locale } from '../../db/schema.ts';

/** A module's server messages: each key in both languages, `{name}` placeholders filled from params. */
export type Catalog = Record<string, Record<Locale, string>>;
