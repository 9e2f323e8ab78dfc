import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Engine } from '../db/client.ts';
import type { DB } from '../db/schema.ts';
import type { ServiceContext } from './actor.ts';
import { actorOf } from './auth.ts';

export type AppDeps = { db: Kysely<DB>; engine: Engine; config: Config };

export type RouteModule = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export function zodRoutes(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The service context of an authenticated request. */
export function contextOf(request: FastifyRequest, deps: AppDeps): ServiceContext {
  return { db: deps.db, actor: actorOf(request), requestId: request.id, publicUrl: publicUrlOf(request, deps) };
}

/** PUBLIC_URL when configured, else the origin the request came to. */
export function publicUrlOf(request: FastifyRequest, deps: AppDeps): string {
  return deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
