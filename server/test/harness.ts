import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { DB, Role } from '../db/schema.ts';
import { employeeSearchKeys } from '../modules/people/search-keys.ts';
import { ensureDefaultSettings } from '../modules/settings/service.ts';
import { hashPassword } from '../platform/passwords.ts';
import { createTestDatabase } from './database.ts';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;

export type TestApp = { app: FastifyInstance; db: Kysely<DB>; database: Database & { url?: string }; close: () => Promise<void> };

/** A fresh database and application for one test file. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  await ensureDefaultSettings(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ db: database.db, engine: database.engine, config });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export const unique = (prefix = '') => `${prefix}${randomBytes(4).toString('hex')}`;

type UserOptions = {
  role: Role;
  username?: string;
  employeeId?: string | null;
  customerId?: string | null;
  department?: 'product' | 'quality' | null;
  locale?: 'zh-CN' | 'en';
};

export async function createUser(db: Kysely<DB>, o: UserOptions) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = o.username ?? unique(`${o.role}-`);
  return db
    .insertInto('users')
    .values({
      username,
      displayName: `Test ${username}`,
      passwordHash: await passwordHash,
      role: o.role,
      employeeId: o.employeeId ?? null,
      customerId: o.customerId ?? null,
      department: o.department ?? (o.role === 'department' ? 'quality' : null),
      locale: o.locale ?? 'en',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createTeam(db: Kysely<DB>, supervisorId: string | null = null) {
  return db
    .insertInto('teams')
    .values({ name: unique('Team '), city: '上海', region: '华东', supervisorId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createEmployeeRow(db: Kysely<DB>, o: { teamId?: string | null; name?: string; position?: 'repair_engineer' | 'supervisor' } = {}) {
  const fields = {
    employeeNo: unique('E'),
    name: o.name ?? '测试员工',
    position: o.position ?? 'repair_engineer',
    grade: 'T2',
    teamId: o.teamId ?? null,
    hireDate: '2020-03-01',
    phone: null,
    email: null,
  };
  return db
    .insertInto('employees')
    .values({ ...fields, ...employeeSearchKeys({ ...fields, skills: [] }) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createCustomerRow(db: Kysely<DB>, name = '测试客户有限公司') {
  return db
    .insertInto('customers')
    .values({ customerNo: unique('T'), kind: 'company', name, searchText: name.toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A signed-in browser session: the cookie and the CSRF token it must echo on writes. */
export type Session = { cookie: string; csrf: string; userId: string };

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'as_session');
  const body = res.json();
  return { cookie: `as_session=${cookie?.value}`, csrf: body.csrfToken, userId: body.user.id };
}

export async function signInAs(t: TestApp, options: UserOptions): Promise<Session> {
  const user = await createUser(t.db, options);
  return signIn(t.app, user.username);
}

/** app.inject with a session: cookie, CSRF header and language. */
export function as(app: FastifyInstance, session: Session | null, options: InjectOptions & { locale?: string }) {
  const { locale, ...rest } = options;
  return app.inject({
    ...rest,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      'accept-language': locale ?? 'en',
      ...rest.headers,
    },
  });
}
