import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { teamPolicy } from './policy.ts';
import { findEmployeeById, listTeams } from './queries.ts';

type TeamInput = { name?: string; city?: string; region?: string; supervisorId?: string | null; active?: boolean };

export async function teamsOf(ctx: ServiceContext) {
  const rows = await listTeams(ctx.db);
  return {
    items: rows.map((t) => ({
      id: t.id,
      name: t.name,
      city: t.city,
      region: t.region,
      supervisor: t.supervisorId ? { id: t.supervisorId, name: t.supervisorName ?? '' } : null,
      memberCount: Number(t.memberCount ?? 0),
      active: t.active,
      version: t.version,
      abilities: { update: teamPolicy.update(ctx.actor) },
    })),
  };
}

async function presentOne(ctx: ServiceContext, id: string) {
  const team = (await teamsOf(ctx)).items.find((t) => t.id === id);
  if (!team) throw errors.notFound();
  return team;
}

async function checkSupervisor(ctx: ServiceContext, supervisorId: string | null | undefined) {
  if (supervisorId && !(await findEmployeeById(ctx.db, supervisorId))) throw errors.invalidField('supervisorId', 'field.reference');
}

export async function createTeam(ctx: ServiceContext, input: Required<Omit<TeamInput, 'active'>>) {
  await checkSupervisor(ctx, input.supervisorId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('teams').values(input).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'team.create', entityType: 'team', entityId: row.id, after: row });
    return row.id;
  });
  return presentOne(ctx, id);
}

export async function updateTeam(ctx: ServiceContext, id: string, input: TeamInput & { version: number }) {
  await checkSupervisor(ctx, input.supervisorId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound();
    const { version, ...fields } = input;
    const after = await updateVersioned(trx, 'teams', id, version, fields);
    await writeAudit(trx, ctx, { action: 'team.update', entityType: 'team', entityId: id, before, after });
  });
  return presentOne(ctx, id);
}
