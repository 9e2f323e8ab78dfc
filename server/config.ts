import { z } from 'zod';

// The one place that reads process.env.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // An empty value counts as unset, as shells and .env files often leave it.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  // Inbound email (P4.1.1): the built-in SMTP listener is off unless a port is given.
  SMTP_LISTEN_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  SMTP_LISTEN_HOST: z.string().default('127.0.0.1'),
  // Outbound notifications (P4.3.3): email through this SMTP server; without it email waits in the outbox.
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional()),
  SMTP_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200).optional()),
  // SMS / IM gateways: each notification is also POSTed as JSON here.
  NOTIFY_WEBHOOK_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  // Where people reach the application (links in email, such as survey links); else the request's own origin.
  PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  seedDemo: 'auto' | 'never';
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  cookieSecure: 'auto' | 'true' | 'false';
  inboundSmtp: { port: number; host: string } | null;
  smtp: { url: string; from: string } | null;
  notifyWebhookUrl: string | null;
  publicUrl: string | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: `${e.DATA_DIR.replace(/\/$/, '')}/pglite` },
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    inboundSmtp: e.SMTP_LISTEN_PORT === undefined ? null : { port: e.SMTP_LISTEN_PORT, host: e.SMTP_LISTEN_HOST },
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? defaultFrom(e.SMTP_URL) } : null,
    notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL ?? null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/$/, '') : null,
  };
}

/** The sender of notification email when SMTP_FROM is unset: the SMTP user when it is an address. */
function defaultFrom(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  return user.includes('@') ? user : 'aftersales@localhost';
}

export class ConfigError extends Error {}
