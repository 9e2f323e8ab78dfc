import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Survey links (P5.1.1): `<invitationId>.<expiresAtEpochSeconds>.<hmac>`, the HMAC-SHA256
// (base64url) of the first two parts under a per-installation secret kept in the database.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET_NAME = 'survey';

export type SurveyToken = { invitationId: string; expiresAt: Date };

function mac(secret: Uint8Array, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function signSurveyToken(secret: Uint8Array, token: SurveyToken): string {
  const body = `${token.invitationId}.${Math.floor(token.expiresAt.getTime() / 1000)}`;
  return `${body}.${mac(secret, body)}`;
}

/** The token's parts when its signature holds; null for anything malformed or altered. */
export function verifySurveyToken(secret: Uint8Array, token: string): SurveyToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [id, expires, signature] = parts as [string, string, string];
  if (!UUID.test(id) || !/^\d{1,12}$/.test(expires)) return null;
  const expected = Buffer.from(mac(secret, `${id}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { invitationId: id, expiresAt: new Date(Number(expires) * 1000) };
}

/** The installation's survey secret: 32 random bytes made on first use (a racing maker loses quietly). */
export async function surveySecret(db: Kysely<DB>): Promise<Uint8Array> {
  await db
    .insertInto('serverSecrets')
    .values({ name: SECRET_NAME, value: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('serverSecrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  return row.value;
}
