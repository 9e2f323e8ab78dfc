// Creates an administrator on a database without demo data: npm run admin:create -- --username NAME
// The password is read from ADMIN_PASSWORD or asked for on the terminal; it is never defaulted.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { writeAudit } from '../platform/audit.ts';
import { hashPassword } from '../platform/passwords.ts';
import { prepareDatabase } from '../startup.ts';

const { values } = parseArgs({
  options: { username: { type: 'string', default: 'admin' }, name: { type: 'string', default: 'Administrator' } },
});
const username = values.username ?? 'admin';

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const password = await rl.question(`Password for ${username} (8-128 characters): `);
  rl.close();
  return password;
}

const password = await askPassword();
if (password.length < 8 || password.length > 128) {
  console.error('The password must have 8 to 128 characters.');
  process.exit(1);
}
const { database } = await prepareDatabase({ ...loadConfig(), seedDemo: 'never' });
try {
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({ username, displayName: values.name ?? 'Administrator', passwordHash, role: 'admin' })
      .returning(['id', 'username', 'role'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { actor: null, requestId: null, label: 'admin:create' }, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: user,
    });
  });
  console.log(`Administrator ${username} created.`);
} catch (err) {
  const code = (err as { code?: string }).code;
  console.error(code === '23505' ? `The username ${username} is taken.` : String(err));
  process.exitCode = 1;
} finally {
  await database.close();
}
