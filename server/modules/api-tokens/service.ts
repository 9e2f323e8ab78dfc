import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { hashSecret, newSecret } from '../../platform/tokens.ts';

const TOKEN_PREFIX = 'ast_';

function query(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([
      'apiTokens.id',
      'apiTokens.name',
      'apiTokens.tokenPrefix',
      'apiTokens.createdAt',
      'apiTokens.expiresAt',
      'apiTokens.revokedAt',
      'apiTokens.lastUsedAt',
      'users.id as userId',
      'users.username',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function present(t: Row) {
  return {
    id: t.id,
    name: t.name,
    tokenPrefix: t.tokenPrefix,
    user: { id: t.userId, username: t.username },
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    abilities: { revoke: !t.revokedAt },
  };
}

export async function listTokens(ctx: ServiceContext) {
  return { items: (await query(ctx).orderBy('apiTokens.createdAt', 'desc').execute()).map(present) };
}

/** The secret is returned once; the database keeps only its hash and a prefix to recognise it by. */
export async function issueToken(ctx: ServiceContext, input: { name: string; userId: string; expiresAt: Date | null }) {
  const user = await ctx.db.selectFrom('users').select(['id', 'active']).where('id', '=', input.userId).executeTakeFirst();
  if (!user?.active) throw errors.invalidField('userId', 'field.reference');
  if (input.expiresAt && input.expiresAt <= new Date()) throw errors.invalidField('expiresAt', 'field.date_range');
  const token = newSecret(TOKEN_PREFIX);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('apiTokens')
      .values({
        name: input.name,
        userId: input.userId,
        tokenHash: hashSecret(token),
        tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdBy: ctx.actor.userId,
        expiresAt: input.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'api_token.issue', entityType: 'api_token', entityId: row.id, after: row });
    return row.id;
  });
  const row = await query(ctx).where('apiTokens.id', '=', id).executeTakeFirstOrThrow();
  return { ...present(row), token };
}

export async function revokeToken(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('apiTokens')
      .set({ revokedAt: new Date() })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const exists = await trx.selectFrom('apiTokens').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw errors.notFound();
      return;
    }
    await writeAudit(trx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id, after: { revokedAt: row.revokedAt } });
  });
  const row = await query(ctx).where('apiTokens.id', '=', id).executeTakeFirstOrThrow();
  return present(row);
}
