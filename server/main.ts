import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_PASSWORD, demoSignIns } from './db/seed/demo.ts';
import { startInboundSmtp } from './modules/inbound-email/smtp.ts';
import { startNotificationDispatcher } from './modules/notifications/dispatcher.ts';
import { configureNotificationChannels } from './modules/notifications/service.ts';
import { startFollowUpEscalation } from './modules/feedback/escalation.ts';
import { startAppraisalCycle } from './modules/appraisal/cycle-job.ts';
import { startSlaAlerts } from './modules/work-orders/sla-alerts.ts';
import { prepareDatabase } from './startup.ts';

const started = performance.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const { database, seeded } = await prepareDatabase(config);
const app = await buildApp(
  { db: database.db, engine: database.engine, config },
  { logger: { level: config.logLevel }, webDist: resolve(import.meta.dirname, '../web/dist') },
);
// Webhook rows (SMS/IM gateways) are queued only when there is a gateway to send them to.
configureNotificationChannels({ webhook: config.notifyWebhookUrl !== null });
await app.listen({ port: config.port, host: config.host });

// Background work (P4.1.1, P4.3.3, SLA escalation): inbound SMTP, the notification outbox, SLA alerts.
const inboundSmtp = config.inboundSmtp ? await startInboundSmtp(database.db, config.inboundSmtp, app.log) : null;
const dispatcher = startNotificationDispatcher(database.db, config, app.log);
const slaAlerts = startSlaAlerts(database.db, app.log);
const followUpEscalation = startFollowUpEscalation(database.db, app.log);
// P5.2: periods open on the 1st, reminders before deadlines, escalations after.
const appraisalCycle = startAppraisalCycle(database.db, app.log);

const url = `http://localhost:${config.port}`;
const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.database.dataDir}`;
const lines = [
  '',
  `  Aftersales is running at ${url}`,
  `  API docs: ${url}/api/docs    database: ${where}${seeded ? ' (demo company seeded)' : ''}`,
  `  started in ${Math.round(performance.now() - started)} ms`,
];
const demo = await demoSignIns(database.db);
if (demo.length) {
  lines.push(`  Demo sign-ins (password ${DEMO_PASSWORD}):`);
  for (const u of demo) lines.push(`    ${u.username.padEnd(11)} ${u.role.padEnd(11)} ${u.description}`);
} else {
  lines.push('  No demo data. Create the first administrator with: npm run admin:create');
}
console.log(`${lines.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await Promise.all([dispatcher.stop(), slaAlerts.stop(), followUpEscalation.stop(), appraisalCycle.stop(), inboundSmtp?.close()]);
    await app.close();
    await database.close();
    process.exit(0);
  });
}
