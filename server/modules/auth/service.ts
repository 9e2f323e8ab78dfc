import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { afterFailure, failureDelayMs, lockedFor } from '../../../core/sign-in-throttle.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { type Actor, actorFromUser, type ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, } from '../../platform/errors.ts';
import { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../platform/passwords.ts';
import { hashSecret, newSecret } from '../../platform/tokens.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { getSetting } from '../settings/service.ts';

export type SignInResult = { token: string; actor: Actor; expiresAt: Date };

export async function signIn(
  db: Kysely<DB>,
  input: { username: string; password: string; userAgent: string | null; ip: string | null; requestId: string },
  sessionTtlHours: number,
): Promise<SignInResult> {
  const key = input.username.toLowerCase();
  const now = new Date();
  const throttle = await db.selectFrom('signInThrottle').selectAll().where('usernameKey', '=', key).executeTakeFirst();
  const wait = lockedFor(throttle, now);
  if (wait > 0) throw lockedError(wait);

  const user = await db.selectFrom('users').selectAll().where(({ fn }) => fn('lower', ['username']), '=', key).executeTakeFirst();
  // Verify even for an unknown user, so timing does not tell which usernames exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !ok || !user.active) {
    const rules = {
      maxFailures: await getSetting(db, 'security.signIn.maxFailures'),
      lockMinutes: await getSetting(db, 'security.signIn.lockMinutes'),
    };
    const next = afterFailure(throttle, now, rules);
    await db
      .insertInto('signInThrottle')
      .values({ usernameKey: key, ...next })
      .onConflict((oc) => oc.column('usernameKey').doUpdateSet(next))
      .execute();
    await sleep(failureDelayMs(next.failures));
    const lockedNow = lockedFor(next, now);
    if (lockedNow > 0) {
      await writeAudit(db, { actor: null, requestId: input.requestId, label: input.username }, {
        action: 'auth.locked',
        entityType: 'user',
        entityId: user?.id ?? key,
        after: { failures: next.failures, lockedUntil: next.lockedUntil },
      });
      throw lockedError(lockedNow);
    }
    throw new AppError(401, 'auth.invalid_credentials');
  }

  if (throttle) await db.deleteFrom('signInThrottle').where('usernameKey', '=', key).execute();
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
  const session = await db
    .insertInto('sessions')
    .values({ userId: user.id, tokenHash: hashSecret(token), csrfToken, expiresAt, userAgent: input.userAgent, ip: input.ip })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = await actorFromUser(db, user, { kind: 'session', sessionId: session.id, csrfToken });
  return { token, actor, expiresAt };
}

function lockedError(seconds: number) {
  return new AppError(429, 'auth.locked', {
    params: { seconds },
    extra: { retryAfterSeconds: seconds },
    headers: { 'retry-after': String(seconds) },
  });
}

export async function signOut(db: Kysely<DB>, actor: Actor): Promise<void> {
  if (actor.via.kind === 'session') await db.deleteFrom('sessions').where('id', '=', actor.via.sessionId).execute();
}

export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const user = await ctx.db.selectFrom('users').select(['id', 'passwordHash']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError(400, 'validation.failed', {
      fields: [{ field: 'currentPassword', code: 'wrong_password', key: 'auth.wrong_password' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateVersioned(trx, 'users', user.id, null, { passwordHash, passwordChangedAt: new Date() });
    // Every other session of this user ends: a changed password must lock out whoever knew the old one.
    let others = trx.deleteFrom('sessions').where('userId', '=', user.id);
    if (ctx.actor.via.kind === 'session') others = others.where('id', '<>', ctx.actor.via.sessionId);
    await others.execute();
    await writeAudit(trx, ctx, { action: 'user.password_change', entityType: 'user', entityId: user.id });
  });
}

export async function setLocale(ctx: ServiceContext, locale: Locale): Promise<Actor> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select(['locale']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
    await trx.updateTable('users').set({ locale, updatedAt: new Date() }).where('id', '=', ctx.actor.userId).execute();
    await writeAudit(trx, ctx, { action: 'user.locale', entityType: 'user', entityId: ctx.actor.userId, before, after: { locale } });
  });
  return { ...ctx.actor, locale };
}

export function presentMe(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      department: actor.department,
      locale: actor.locale,
      employeeId: actor.employeeId,
      customerId: actor.customerId,
      permissions: [...actor.permissions],
    },
    csrfToken: actor.via.kind === 'session' ? actor.via.csrfToken : null,
  };
}

