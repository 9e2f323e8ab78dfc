import type { Kysely } from 'kysely';
import { type Permission, permissionsOf } from '../../core/permissions.ts';
import type { DB, Locale, Role, User } from '../db/schema.ts';

/** The authenticated caller of a request, and the context every service receives. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  department: 'product' | 'quality' | null;
  employeeId: string | null;
  customerId: string | null;
  locale: Locale;
  permissions: ReadonlySet<Permission>;
  /** Teams this user leads as supervisor (object-level policy: a supervisor manages their own team). */
  supervisedTeamIds: readonly string[];
  via: { kind: 'session'; sessionId: string; csrfToken: string } | { kind: 'token'; tokenId: string };
};

export type ServiceContext = {
  db: Kysely<DB>;
  actor: Actor;
  requestId: string;
  /** Where people reach the application, for links in email (PUBLIC_URL, else the request's origin). */
  publicUrl?: string;
};

export async function actorFromUser(db: Kysely<DB>, user: User, via: Actor['via']): Promise<Actor> {
  const supervisedTeamIds =
    user.role === 'supervisor' && user.employeeId
      ? (await db.selectFrom('teams').select('id').where('supervisorId', '=', user.employeeId).execute()).map((t) => t.id)
      : [];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    department: user.department,
    employeeId: user.employeeId,
    customerId: user.customerId,
    locale: user.locale,
    permissions: permissionsOf(user.role),
    supervisedTeamIds,
    via,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
