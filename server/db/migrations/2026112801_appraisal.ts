import { type Kysely, sql } from 'kysely';

// Performance appraisal (P5): the records the indicators read that the work itself does not
// hold (excused late arrivals, growth records), the monthly and annual periods claimed once
// in the database, each technician's result with its frozen facts and the order ids behind
// them, the evaluation templates, appeals, reminders claimed once, and development actions.
export async function up(db: Kysely<unknown>): Promise<void> {
  // P5.1.2: a late arrival the technician is not to blame for, with its reason and evidence.
  await sql`
    CREATE TABLE arrival_excuses (
      work_order_id uuid PRIMARY KEY REFERENCES work_orders(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('customer_reschedule','customer_absent','access_denied','force_majeure','other')),
      evidence text NOT NULL CHECK (length(evidence) BETWEEN 1 AND 2000),
      attachment_id uuid REFERENCES attachments(id) ON DELETE SET NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_by_label text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // P5.1.4: training, exams, certificates and innovation, entered by HR and supervisors now and
  // fed by the training module later (source tells which).
  await sql`
    CREATE TABLE growth_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('training','exam','certificate','innovation')),
      occurred_on date NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      hours numeric(6,1) CHECK (hours > 0 AND hours <= 1000),
      score smallint CHECK (score BETWEEN 0 AND 100),
      passed boolean,
      accepted boolean,
      note text,
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','training')),
      recorded_by uuid REFERENCES users(id),
      recorded_by_label text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'training' OR hours IS NOT NULL),
      CHECK (kind <> 'exam' OR passed IS NOT NULL),
      CHECK (kind <> 'innovation' OR accepted IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX growth_records_employee ON growth_records (employee_id, occurred_on)`.execute(db);
  await sql`CREATE INDEX growth_records_day ON growth_records (occurred_on)`.execute(db);

  // P5.3.1-P5.3.2: the evaluation forms HR maintains; a result keeps a copy of the one it used.
  await sql`
    CREATE TABLE appraisal_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('self','supervisor')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      items jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX appraisal_templates_one_active ON appraisal_templates (kind) WHERE active`.execute(db);

  // P5.2: one row per month or year, claimed by INSERT ... ON CONFLICT: never twice.
  await sql`
    CREATE TABLE appraisal_periods (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('monthly','annual')),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      label text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','published','closed')),
      policy jsonb NOT NULL,
      self_due_on date NOT NULL,
      review_due_on date NOT NULL,
      publish_due_on date NOT NULL,
      opened_by_label text NOT NULL,
      opened_at timestamptz NOT NULL DEFAULT now(),
      computed_at timestamptz,
      published_at timestamptz,
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (kind, starts_on),
      CHECK (ends_on > starts_on)
    )`.execute(db);
  await sql`
    CREATE TABLE appraisal_period_events (
      id bigserial PRIMARY KEY,
      period_id uuid NOT NULL REFERENCES appraisal_periods(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_label text NOT NULL,
      action text NOT NULL,
      reason text,
      data jsonb
    )`.execute(db);
  await sql`CREATE INDEX appraisal_period_events_period ON appraisal_period_events (period_id, id)`.execute(db);

  // One technician's result for one period: the facts frozen at the close with the ids of the
  // records behind each figure, the scored indicators, the evaluations and the composite.
  await sql`
    CREATE TABLE appraisal_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      period_id uuid NOT NULL REFERENCES appraisal_periods(id) ON DELETE CASCADE,
      employee_id uuid NOT NULL REFERENCES employees(id),
      team_id uuid REFERENCES teams(id),
      rating_count integer NOT NULL DEFAULT 0,
      rating_sum integer NOT NULL DEFAULT 0,
      rating_ids uuid[] NOT NULL DEFAULT '{}',
      on_time_ids uuid[] NOT NULL DEFAULT '{}',
      late_ids uuid[] NOT NULL DEFAULT '{}',
      excused_ids uuid[] NOT NULL DEFAULT '{}',
      closed_ids uuid[] NOT NULL DEFAULT '{}',
      reopened_ids uuid[] NOT NULL DEFAULT '{}',
      training_hours numeric(8,1) NOT NULL DEFAULT 0,
      exams_passed integer NOT NULL DEFAULT 0,
      certificates integer NOT NULL DEFAULT 0,
      innovations integer NOT NULL DEFAULT 0,
      growth_ids uuid[] NOT NULL DEFAULT '{}',
      consultations_joined integer NOT NULL DEFAULT 0,
      consultations_helped integer NOT NULL DEFAULT 0,
      consultation_ids uuid[] NOT NULL DEFAULT '{}',
      assist_ids uuid[] NOT NULL DEFAULT '{}',
      monthly jsonb,
      facts_hash text,
      indicators jsonb,
      indicator_score numeric(5,1),
      self_template jsonb,
      self_answers jsonb,
      self_score numeric(5,1),
      self_submitted_at timestamptz,
      self_late boolean NOT NULL DEFAULT false,
      review_template jsonb,
      review_answers jsonb,
      supervisor_score numeric(5,1),
      teamwork_rating smallint CHECK (teamwork_rating BETWEEN 1 AND 5),
      review_comment text,
      reviewed_at timestamptz,
      reviewed_by_label text,
      customer_score numeric(5,1),
      composite numeric(5,1),
      composite_formula text,
      computed_grade text,
      calibrated_score numeric(5,1),
      calibration_reason text,
      grade text,
      status text NOT NULL DEFAULT 'self_pending'
        CHECK (status IN ('self_pending','review_pending','reviewed','published','acknowledged','appealed','answered')),
      published_at timestamptz,
      acknowledged_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (period_id, employee_id)
    )`.execute(db);
  await sql`CREATE INDEX appraisal_results_employee ON appraisal_results (employee_id)`.execute(db);
  await sql`CREATE INDEX appraisal_results_team ON appraisal_results (period_id, team_id)`.execute(db);

  await sql`
    CREATE TABLE appraisal_result_history (
      id bigserial PRIMARY KEY,
      result_id uuid NOT NULL REFERENCES appraisal_results(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_label text NOT NULL,
      action text NOT NULL,
      reason text,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`CREATE INDEX appraisal_result_history_result ON appraisal_result_history (result_id, id)`.execute(db);

  await sql`
    CREATE TABLE appraisal_appeals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      result_id uuid NOT NULL REFERENCES appraisal_results(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
      raised_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered')),
      outcome text CHECK (outcome IN ('upheld','adjusted')),
      answer text,
      answered_by_label text,
      answered_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX appraisal_appeals_one_open ON appraisal_appeals (result_id) WHERE status = 'open'`.execute(db);

  // Reminders and escalations of a result's step, or of a period's publication: the primary key
  // makes each one go out once, whichever instance sends it.
  await sql`
    CREATE TABLE appraisal_reminders (
      subject_id uuid NOT NULL,
      step text NOT NULL CHECK (step IN ('self','review','publish','acknowledge')),
      kind text NOT NULL CHECK (kind IN ('reminder','escalation')),
      sent_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subject_id, step, kind)
    )`.execute(db);

  // P5.4.3: a weak indicator becomes a development action the training module will fulfil.
  await sql`
    CREATE TABLE development_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      result_id uuid NOT NULL REFERENCES appraisal_results(id) ON DELETE CASCADE,
      indicator text NOT NULL,
      points numeric(5,1),
      suggestion jsonb NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
      fulfilled_at timestamptz,
      fulfilment_note text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (result_id, indicator)
    )`.execute(db);
  await sql`CREATE INDEX development_actions_employee ON development_actions (employee_id, status)`.execute(db);

  // The monthly close reads arrivals, closures and ratings of one month by technician.
  await sql`CREATE INDEX work_orders_arrived ON work_orders (arrived_at) WHERE arrived_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX work_orders_closed ON work_orders (closed_at) WHERE closed_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX customer_ratings_rated ON customer_ratings (rated_at)`.execute(db);
  await sql`CREATE INDEX site_visits_check_in ON site_visits (check_in_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['work_orders_arrived', 'work_orders_closed', 'customer_ratings_rated', 'site_visits_check_in']) {
    await sql`DROP INDEX IF EXISTS ${sql.raw(index)}`.execute(db);
  }
  for (const table of [
    'development_actions',
    'appraisal_reminders',
    'appraisal_appeals',
    'appraisal_result_history',
    'appraisal_results',
    'appraisal_period_events',
    'appraisal_periods',
    'appraisal_templates',
    'growth_records',
    'arrival_excuses',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.raw(table)}`.execute(db);
  }
}
