import { type Kysely, sql } from 'kysely';

// Dispatch and route planning (P4.1.2, P5.1.2): what an order needs (skill, level, duration),
// where technicians start and end their day, simple working-time records (shifts and leave,
// to be owned by the attendance module later), and day plans that supervisors accept or edit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE work_orders
      ADD COLUMN required_skill text,
      ADD COLUMN required_skill_level smallint CHECK (required_skill_level BETWEEN 1 AND 5),
      ADD COLUMN service_minutes integer CHECK (service_minutes BETWEEN 1 AND 1440),
      ADD COLUMN planned_arrival_at timestamptz,
      ADD COLUMN route_sequence integer,
      ADD COLUMN dispatch_plan_id uuid`.execute(db);
  await sql`CREATE INDEX work_orders_team_open_plan ON work_orders (team_id, planned_arrival_at) WHERE closed_at IS NULL AND cancelled_at IS NULL`.execute(
    db,
  );

  await sql`
    ALTER TABLE teams
      ADD COLUMN base_address text,
      ADD COLUMN base_latitude numeric(9,6) CHECK (base_latitude BETWEEN -90 AND 90),
      ADD COLUMN base_longitude numeric(9,6) CHECK (base_longitude BETWEEN -180 AND 180)`.execute(db);
  await sql`
    ALTER TABLE employees
      ADD COLUMN home_latitude numeric(9,6) CHECK (home_latitude BETWEEN -90 AND 90),
      ADD COLUMN home_longitude numeric(9,6) CHECK (home_longitude BETWEEN -180 AND 180)`.execute(db);

  // A technician's shift on one day; a working day without a row uses the default shift setting.
  await sql`
    CREATE TABLE work_shifts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      day date NOT NULL,
      off boolean NOT NULL DEFAULT false,
      starts_at timestamptz,
      ends_at timestamptz,
      starts_from text NOT NULL DEFAULT 'office' CHECK (starts_from IN ('home','office')),
      ends_at_place text NOT NULL DEFAULT 'office' CHECK (ends_at_place IN ('home','office')),
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (employee_id, day),
      CHECK (off OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at))
    )`.execute(db);
  await sql`CREATE INDEX work_shifts_day ON work_shifts (day)`.execute(db);

  await sql`
    CREATE TABLE leave_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('annual','sick','personal','training','other')),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at)
    )`.execute(db);
  await sql`CREATE INDEX leave_records_employee ON leave_records (employee_id, starts_at)`.execute(db);

  // A plan is a proposal for one team and day; accepting it assigns and sequences the orders.
  await sql`
    CREATE TABLE dispatch_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      team_id uuid NOT NULL REFERENCES teams(id),
      day date NOT NULL,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','accepted','discarded','superseded')),
      based_on_id uuid REFERENCES dispatch_plans(id),
      routes jsonb NOT NULL,
      unassigned jsonb NOT NULL,
      summary jsonb NOT NULL,
      changes jsonb NOT NULL DEFAULT '[]',
      settings jsonb NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES users(id),
      accepted_by uuid REFERENCES users(id),
      accepted_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX dispatch_plans_team_day ON dispatch_plans (team_id, day, created_at DESC)`.execute(db);
  await sql`ALTER TABLE work_orders ADD CONSTRAINT work_orders_dispatch_plan_fk FOREIGN KEY (dispatch_plan_id) REFERENCES dispatch_plans(id)`.execute(
    db,
  );
}
