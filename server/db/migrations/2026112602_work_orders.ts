import { type Kysely, sql } from 'kysely';

// Work orders (P4.1-P4.4): intake on every channel, the lifecycle's event log, SLA clocks,
// comments and questions, attachments, team consultations (P4.2.3), notifications outbox,
// idempotent webhook deliveries and inbound email.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE work_order_counters (
      day date PRIMARY KEY,
      last integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE work_orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      channel text NOT NULL CHECK (channel IN ('phone','email','portal','chat','api')),
      customer_id uuid NOT NULL REFERENCES customers(id),
      contact_id uuid REFERENCES customer_contacts(id),
      site_id uuid REFERENCES customer_sites(id),
      product_id uuid REFERENCES installed_products(id),
      reporter_name text,
      reporter_phone text,
      reporter_email text,
      title text NOT NULL,
      description text NOT NULL,
      category text NOT NULL,
      priority text NOT NULL CHECK (priority IN ('urgent','high','normal','low')),
      preferred_from timestamptz,
      preferred_to timestamptz,
      state text NOT NULL,
      held_from_state text,
      hold_reason text CHECK (hold_reason IN ('customer','parts','other')),
      team_id uuid REFERENCES teams(id),
      assignee_id uuid REFERENCES employees(id),
      duplicate_of_id uuid REFERENCES work_orders(id),
      received_at timestamptz NOT NULL,
      responded_at timestamptz,
      arrived_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      cancelled_at timestamptz,
      visit_scheduled_at timestamptz,
      expected_arrival_at timestamptz,
      solution text,
      resolution text,
      cancel_reason text,
      reopen_count integer NOT NULL DEFAULT 0,
      sla jsonb NOT NULL,
      response_due_at timestamptz,
      arrival_due_at timestamptz,
      resolution_due_at timestamptz,
      response_warn_at timestamptz,
      arrival_warn_at timestamptz,
      resolution_warn_at timestamptz,
      created_by uuid REFERENCES users(id),
      search_text text NOT NULL DEFAULT '',
      search_grams text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (preferred_to IS NULL OR preferred_from IS NULL OR preferred_to > preferred_from)
    )`.execute(db);
  // The filters agents and supervisors use most, each served by an index.
  await sql`CREATE INDEX work_orders_state_received ON work_orders (state, received_at DESC)`.execute(db);
  await sql`CREATE INDEX work_orders_assignee_state ON work_orders (assignee_id, state, received_at DESC)`.execute(db);
  await sql`CREATE INDEX work_orders_team_state ON work_orders (team_id, state, received_at DESC)`.execute(db);
  await sql`CREATE INDEX work_orders_customer ON work_orders (customer_id, received_at DESC)`.execute(db);
  await sql`CREATE INDEX work_orders_product ON work_orders (product_id)`.execute(db);
  await sql`CREATE INDEX work_orders_received ON work_orders (received_at DESC)`.execute(db);
  await sql`CREATE INDEX work_orders_priority_state ON work_orders (priority, state, received_at DESC)`.execute(db);
  await sql`CREATE INDEX work_orders_resolution_due ON work_orders (resolution_due_at) WHERE closed_at IS NULL AND cancelled_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX work_orders_search_trgm ON work_orders USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX work_orders_search_grams ON work_orders USING gin (search_grams)`.execute(db);

  // The timeline: every transition (and other notable fact) with its actor, time and place.
  await sql`
    CREATE TABLE work_order_events (
      id bigserial PRIMARY KEY,
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_employee_id uuid REFERENCES employees(id),
      actor_label text NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text,
      data jsonb NOT NULL DEFAULT '{}',
      latitude numeric(9,6),
      longitude numeric(9,6)
    )`.execute(db);
  await sql`CREATE INDEX work_order_events_order ON work_order_events (work_order_id, id)`.execute(db);
  await sql`CREATE INDEX work_order_events_actor ON work_order_events (actor_employee_id, at)`.execute(db);

  // Business time is not counted while an order waits for the customer or for parts.
  await sql`
    CREATE TABLE work_order_pauses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('customer','parts','other')),
      started_at timestamptz NOT NULL,
      ended_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX work_order_pauses_order ON work_order_pauses (work_order_id)`.execute(db);

  await sql`
    CREATE TABLE work_order_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('comment','question','answer','email','note')),
      visibility text NOT NULL CHECK (visibility IN ('public','internal')),
      parent_id uuid REFERENCES work_order_comments(id),
      author_user_id uuid REFERENCES users(id),
      author_label text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX work_order_comments_order ON work_order_comments (work_order_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      comment_id uuid REFERENCES work_order_comments(id) ON DELETE CASCADE,
      consultation_message_id uuid,
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      sha256 text NOT NULL,
      data bytea NOT NULL,
      uploaded_by uuid REFERENCES users(id),
      uploaded_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX attachments_order ON attachments (work_order_id)`.execute(db);

  // Team consultation on complex faults (P4.2.3): threaded, with mentions; the participants
  // are kept so that teamwork (P5.1.5) can be credited.
  await sql`
    CREATE TABLE consultations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      topic text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','agreed')),
      opened_by uuid NOT NULL REFERENCES employees(id),
      agreed_solution text,
      agreed_at timestamptz,
      agreed_by uuid REFERENCES employees(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX consultations_order ON consultations (work_order_id)`.execute(db);
  await sql`
    CREATE TABLE consultation_participants (
      consultation_id uuid NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
      employee_id uuid NOT NULL REFERENCES employees(id),
      role text NOT NULL CHECK (role IN ('owner','invited')),
      invited_by uuid REFERENCES employees(id),
      invited_at timestamptz NOT NULL DEFAULT now(),
      joined_at timestamptz,
      contributed boolean NOT NULL DEFAULT false,
      PRIMARY KEY (consultation_id, employee_id)
    )`.execute(db);
  await sql`CREATE INDEX consultation_participants_employee ON consultation_participants (employee_id)`.execute(db);
  await sql`
    CREATE TABLE consultation_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      consultation_id uuid NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES consultation_messages(id),
      author_id uuid NOT NULL REFERENCES employees(id),
      body text NOT NULL,
      mentions uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX consultation_messages_consultation ON consultation_messages (consultation_id, created_at)`.execute(db);

  // Outbox: notifications are written with the change that causes them and sent afterwards.
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      channel text NOT NULL CHECK (channel IN ('in_app','email','webhook')),
      user_id uuid REFERENCES users(id),
      recipient text,
      work_order_id uuid REFERENCES work_orders(id) ON DELETE CASCADE,
      event text NOT NULL,
      locale text NOT NULL DEFAULT 'zh-CN',
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','read')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      read_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX notifications_pending ON notifications (created_at) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC)`.execute(db);

  // SLA warnings and escalations are sent once per order, clock and level.
  await sql`
    CREATE TABLE sla_alerts (
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      clock text NOT NULL CHECK (clock IN ('response','arrival','resolution')),
      level text NOT NULL CHECK (level IN ('warning','breach')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (work_order_id, clock, level)
    )`.execute(db);

  // A retried webhook delivery with the same key answers the order it created the first time.
  await sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`.execute(db);

  await sql`
    CREATE TABLE inbound_emails (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id text UNIQUE,
      from_address text,
      subject text,
      received_at timestamptz NOT NULL DEFAULT now(),
      size integer NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('order','comment','rejected')),
      work_order_id uuid REFERENCES work_orders(id) ON DELETE SET NULL,
      error text
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'inbound_emails',
    'idempotency_keys',
    'sla_alerts',
    'notifications',
    'consultation_messages',
    'consultation_participants',
    'consultations',
    'attachments',
    'work_order_comments',
    'work_order_pauses',
    'work_order_events',
    'work_orders',
    'work_order_counters',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
