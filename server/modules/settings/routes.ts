import { z } from 'zod';
import { SETTING_KINDS } from '../../../core/settings.ts';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { dateOnly, text } from '../../platform/schemas.ts';
import { settingsPolicy } from './policy.ts';
import { listSettings, scheduleSetting } from './service.ts';

const tags = ['settings'];
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const datedValue = z.object({ value: z.unknown(), effectiveFrom: z.string(), setByLabel: z.string(), reason: z.string(), createdAt: z.string() });
const settingView = z
  .object({
    key: z.string(),
    label: localized,
    description: localized,
    clause: z.string().nullable(),
    kind: z.enum(SETTING_KINDS),
    current: datedValue.nullable(),
    upcoming: z.array(datedValue),
    history: z.array(datedValue),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Setting' });

const keyParams = z.object({ key: z.string().max(100) }).strict();
const scheduleBody = z.object({ value: z.unknown(), effectiveFrom: dateOnly, reason: text(300) }).strict();

type Listed = Awaited<ReturnType<typeof listSettings>>[number];
type Row = Listed['history'][number];
const dated = (r: Row) => ({ ...r, createdAt: r.createdAt.toISOString() });

export const settingRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  const present = (ctx: ReturnType<typeof contextOf>, s: Listed) => ({
    key: s.definition.key,
    label: s.definition.label,
    description: s.definition.description,
    clause: s.definition.clause ?? null,
    kind: s.definition.kind,
    current: s.current ? dated(s.current) : null,
    upcoming: s.upcoming.map(dated),
    history: s.history.map(dated),
    abilities: { update: settingsPolicy.update(ctx.actor) },
  });

  r.get('/api/v1/settings', { config: { access: 'settings.read' }, schema: { tags, response: { 200: z.object({ items: z.array(settingView) }) } } }, async (request) => {
    const ctx = contextOf(request, deps);
    return { items: (await listSettings(ctx.db)).map((s) => present(ctx, s)) };
  });

  r.post(
    '/api/v1/settings/:key/versions',
    { config: { access: 'settings.write' }, schema: { tags, params: keyParams, body: scheduleBody, response: { 201: settingView } } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      await scheduleSetting(ctx, request.params.key, request.body);
      const setting = (await listSettings(ctx.db)).find((s) => s.definition.key === request.params.key)!;
      return reply.code(201).send(present(ctx, setting));
    },
  );
};
