import { type Kysely, sql } from 'kysely';

// Notification delivery (P4.3.3) and inbound email (P4.1.1): a claimed row is leased until next_attempt_at, and a failed
// send waits there before its next try, so two dispatchers never send one row at once and a
// down mail server is not hammered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notifications ADD COLUMN next_attempt_at timestamptz`.execute(db);
  await sql`CREATE INDEX notifications_retry ON notifications (next_attempt_at) WHERE status = 'failed'`.execute(db);
  // Inbound email (P4.1.1) finds the customer by the sender's address, whatever its case.
  await sql`CREATE INDEX inbound_emails_received ON inbound_emails (received_at DESC)`.execute(db);
  await sql`CREATE INDEX customers_email_lower ON customers (lower(email))`.execute(db);
  await sql`CREATE INDEX customer_contacts_email_lower ON customer_contacts (lower(email))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX customer_contacts_email_lower`.execute(db);
  await sql`DROP INDEX customers_email_lower`.execute(db);
  await sql`DROP INDEX inbound_emails_received`.execute(db);
  await sql`DROP INDEX notifications_retry`.execute(db);
  await sql`ALTER TABLE notifications DROP COLUMN next_attempt_at`.execute(db);
}
