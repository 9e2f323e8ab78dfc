import { type Kysely, sql } from 'kysely';

// The company's holiday calendar for SLA clocks (P4.1.2): statutory holidays on otherwise
// working weekdays, and make-up working days (调休) on otherwise free weekdays. The company
// maintains these rows every year; no rule about them is hard-coded.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_days (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday','workday')),
      name text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_days`.execute(db);
}
