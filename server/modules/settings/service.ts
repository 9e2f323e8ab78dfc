import type { Kysely, Transaction } from 'kysely';
import {
  DEFAULTS_EFFECTIVE_FROM,
  dateInZone,
  type SettingKey,
  type SettingValue,
  SETTINGS,
  settingDefinition,
} from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { insertDefaultIfMissing, insertSetting, settingRows, valueAsOf } from './queries.ts';

/** Installs each known setting's default (dated 2000-01-01) where the key has no history yet. */
export async function ensureDefaultSettings(db: Kysely<DB>): Promise<void> {
  for (const d of SETTINGS) {
    const has = await db.selectFrom('settings').select('id').where('key', '=', d.key).limit(1).executeTakeFirst();
    if (!has) await insertDefaultIfMissing(db, { key: d.key, value: d.defaultValue, effectiveFrom: DEFAULTS_EFFECTIVE_FROM });
  }
}

/** Today's date in the company time zone (the zone itself is looked up on today's UTC date). */
export async function companyToday(db: Kysely<DB> | Transaction<DB>, now = new Date()): Promise<string> {
  const zone = await getSetting(db, 'company.timeZone', now.toISOString().slice(0, 10));
  return dateInZone(now, zone);
}

/** The value of a setting in force on a business date (default: today in the company time zone). */
export async function getSetting<K extends SettingKey>(db: Kysely<DB> | Transaction<DB>, key: K, asOf?: string): Promise<SettingValue<K>> {
  const date = asOf ?? (await companyToday(db));
  const value = await valueAsOf(db, key, date);
  const definition = settingDefinition(key)!;
  return (value === undefined ? definition.defaultValue : value) as SettingValue<K>;
}

export async function listSettings(db: Kysely<DB>) {
  const [rows, today] = await Promise.all([settingRows(db), companyToday(db)]);
  return SETTINGS.map((definition) => {
    const history = rows.filter((r) => r.key === definition.key);
    const current = history.find((r) => r.effectiveFrom <= today) ?? null;
    return {
      definition,
      current,
      upcoming: history.filter((r) => r.effectiveFrom > today).reverse(),
      history,
    };
  });
}

export async function scheduleSetting(
  ctx: ServiceContext,
  key: string,
  input: { value: unknown; effectiveFrom: string; reason: string },
) {
  const definition = settingDefinition(key);
  if (!definition) throw errors.notFound();
  const parsed = definition.schema.safeParse(input.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const messageKey = (issue && 'params' in issue && (issue.params as { messageKey?: string })?.messageKey) || 'field.invalid';
    throw errors.invalidField('value', messageKey as 'field.invalid');
  }
  // A past date would rewrite figures already computed under the old value.
  if (input.effectiveFrom < (await companyToday(ctx.db))) throw errors.invalidField('effectiveFrom', 'field.date_range');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertSetting(trx, {
      key,
      value: parsed.data,
      effectiveFrom: input.effectiveFrom,
      setBy: ctx.actor.userId,
      setByLabel: `${ctx.actor.displayName} (${ctx.actor.username})`,
      reason: input.reason,
    });
    await writeAudit(trx, ctx, { action: 'setting.schedule', entityType: 'setting', entityId: key, after: row });
    return row;
  });
}
