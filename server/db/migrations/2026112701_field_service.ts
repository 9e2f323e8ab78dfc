import { type Kysely, sql } from 'kysely';

// On site to closed (P4.3-P4.4, P2.1.3, P2.2.2-P2.2.3, P2.3.1-P2.3.4): parts and stock per
// location, tools and their calibration, site visits with GPS evidence, procedure and safety
// checklists, customer acceptance and ratings, survey links, the service report, feedback to
// the departments concerned and its follow-ups.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A per-installation secret (survey link signatures), made on first use, never in code or config.
  await sql`
    CREATE TABLE server_secrets (
      name text PRIMARY KEY,
      value bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Parts and stock (P4.3.1).
  await sql`
    CREATE TABLE parts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      part_no text NOT NULL UNIQUE,
      name text NOT NULL,
      models text[] NOT NULL DEFAULT '{}',
      unit text NOT NULL DEFAULT 'pcs',
      unit_cost_fen bigint NOT NULL CHECK (unit_cost_fen >= 0),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX parts_models ON parts USING gin (models)`.execute(db);

  await sql`
    CREATE TABLE stock_locations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('warehouse','van')),
      name text NOT NULL,
      employee_id uuid UNIQUE REFERENCES employees(id),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'van') = (employee_id IS NOT NULL))
    )`.execute(db);

  // The CHECKs are the last line: the services take stock with a conditional UPDATE, so two
  // technicians taking the last part cannot both succeed.
  await sql`
    CREATE TABLE stock_levels (
      location_id uuid NOT NULL REFERENCES stock_locations(id),
      part_id uuid NOT NULL REFERENCES parts(id),
      on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
      reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (location_id, part_id),
      CHECK (reserved <= on_hand)
    )`.execute(db);

  await sql`
    CREATE TABLE work_order_parts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      part_id uuid NOT NULL REFERENCES parts(id),
      planned integer NOT NULL DEFAULT 0 CHECK (planned >= 0),
      reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
      issued integer NOT NULL DEFAULT 0 CHECK (issued >= 0),
      consumed integer NOT NULL DEFAULT 0 CHECK (consumed >= 0),
      returned integer NOT NULL DEFAULT 0 CHECK (returned >= 0),
      reserved_from_id uuid REFERENCES stock_locations(id),
      unit_cost_fen bigint NOT NULL CHECK (unit_cost_fen >= 0),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (work_order_id, part_id)
    )`.execute(db);

  // The ledger: every change of stock, who made it and for which order.
  await sql`
    CREATE TABLE stock_movements (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL CHECK (kind IN ('receive','adjust','reserve','release','issue','consume','return','transfer')),
      part_id uuid NOT NULL REFERENCES parts(id),
      quantity integer NOT NULL,
      from_location_id uuid REFERENCES stock_locations(id),
      to_location_id uuid REFERENCES stock_locations(id),
      work_order_id uuid REFERENCES work_orders(id) ON DELETE SET NULL,
      actor_user_id uuid REFERENCES users(id),
      actor_label text NOT NULL,
      note text
    )`.execute(db);
  await sql`CREATE INDEX stock_movements_part ON stock_movements (part_id, at DESC)`.execute(db);
  await sql`CREATE INDEX stock_movements_order ON stock_movements (work_order_id) WHERE work_order_id IS NOT NULL`.execute(db);

  // Tools and instruments repair engineers look after (P2.2.3).
  await sql`
    CREATE TABLE tools (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      asset_no text NOT NULL UNIQUE,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('tool','instrument','equipment')),
      model text,
      serial_number text,
      holder_id uuid REFERENCES employees(id),
      calibration_due_on date,
      maintenance_interval_days integer CHECK (maintenance_interval_days > 0),
      status text NOT NULL DEFAULT 'in_service' CHECK (status IN ('in_service','out_of_service','retired')),
      notes text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tools_holder ON tools (holder_id)`.execute(db);

  await sql`
    CREATE TABLE tool_maintenance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tool_id uuid NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('calibration','maintenance','repair','inspection')),
      performed_on date NOT NULL,
      performed_by text NOT NULL,
      result text NOT NULL CHECK (result IN ('pass','fail','done')),
      note text,
      next_due_on date,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tool_maintenance_tool ON tool_maintenance (tool_id, performed_on DESC)`.execute(db);

  await sql`
    CREATE TABLE work_order_tools (
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      tool_id uuid NOT NULL REFERENCES tools(id),
      added_by uuid REFERENCES users(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (work_order_id, tool_id)
    )`.execute(db);

  // Site visits: check-in and check-out with GPS, the distance to the site as evidence (P5.1.2).
  await sql`
    CREATE TABLE site_visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      employee_id uuid REFERENCES employees(id),
      departed_at timestamptz,
      check_in_at timestamptz NOT NULL,
      check_in_latitude numeric(9,6),
      check_in_longitude numeric(9,6),
      check_in_accuracy_m integer,
      check_in_distance_m integer,
      check_out_at timestamptz,
      check_out_latitude numeric(9,6),
      check_out_longitude numeric(9,6),
      check_out_accuracy_m integer,
      check_out_distance_m integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (check_out_at IS NULL OR check_out_at >= check_in_at)
    )`.execute(db);
  await sql`CREATE INDEX site_visits_order ON site_visits (work_order_id, check_in_at)`.execute(db);

  // Procedure and safety checklists per work type (P4.3.2, P2.3.1, P2.3.3).
  await sql`
    CREATE TABLE checklist_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_type text NOT NULL CHECK (work_type IN ('repair','installation','commissioning','maintenance')),
      kind text NOT NULL CHECK (kind IN ('procedure','safety')),
      name_zh text NOT NULL,
      name_en text NOT NULL,
      items jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // An order's checklists keep the template's items as they were when the visit began.
  await sql`
    CREATE TABLE work_order_checklists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      template_id uuid NOT NULL REFERENCES checklist_templates(id),
      template_version integer NOT NULL,
      work_type text NOT NULL,
      kind text NOT NULL,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      items jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (work_order_id, template_id)
    )`.execute(db);

  await sql`
    CREATE TABLE checklist_results (
      checklist_id uuid NOT NULL REFERENCES work_order_checklists(id) ON DELETE CASCADE,
      item_key text NOT NULL,
      done boolean NOT NULL DEFAULT false,
      value numeric,
      out_of_range boolean NOT NULL DEFAULT false,
      justification text,
      attachment_id uuid REFERENCES attachments(id) ON DELETE SET NULL,
      note text,
      recorded_by uuid REFERENCES users(id),
      recorded_by_label text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      PRIMARY KEY (checklist_id, item_key),
      CHECK (NOT out_of_range OR justification IS NOT NULL)
    )`.execute(db);

  // Customer acceptance (P4.4.1): the signature, or the refusal and how it was handled.
  await sql`
    CREATE TABLE acceptances (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      outcome text NOT NULL CHECK (outcome IN ('accepted','refused')),
      channel text NOT NULL CHECK (channel IN ('on_site','portal')),
      signer_name text,
      signature_png bytea,
      signature_sha256 text,
      reason text,
      comment text,
      recorded_by uuid REFERENCES users(id),
      recorded_by_label text NOT NULL,
      at timestamptz NOT NULL,
      handled_at timestamptz,
      handled_by_label text,
      handling_note text,
      CHECK (outcome <> 'accepted' OR (signer_name IS NOT NULL AND signature_png IS NOT NULL)),
      CHECK (outcome <> 'refused' OR reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX acceptances_order ON acceptances (work_order_id, at)`.execute(db);

  // Customer ratings on the policy's questionnaire (P5.1.1, P5.3.3): on site, on the portal or by survey link.
  await sql`
    CREATE TABLE customer_ratings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      technician_id uuid REFERENCES employees(id),
      source text NOT NULL CHECK (source IN ('on_site','portal','survey')),
      rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
      answers jsonb NOT NULL DEFAULT '{}',
      questionnaire jsonb NOT NULL,
      comment text,
      rated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX customer_ratings_order ON customer_ratings (work_order_id)`.execute(db);
  await sql`CREATE INDEX customer_ratings_technician ON customer_ratings (technician_id, rated_at)`.execute(db);

  await sql`
    CREATE TABLE survey_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      email text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // The service report (P4.4.2).
  await sql`
    CREATE TABLE fault_codes (
      code text PRIMARY KEY,
      category text NOT NULL,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE service_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL UNIQUE REFERENCES work_orders(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('repair','installation')),
      fault_code text REFERENCES fault_codes(code),
      fault_cause text,
      solution text,
      travel_minutes integer CHECK (travel_minutes >= 0),
      on_site_minutes integer CHECK (on_site_minutes >= 0),
      training_topics text,
      training_attendees text,
      training_minutes integer CHECK (training_minutes >= 0),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','filed')),
      filed_at timestamptz,
      filed_by_label text,
      pdf_attachment_id uuid REFERENCES attachments(id) ON DELETE SET NULL,
      pdf_locale text CHECK (pdf_locale IN ('zh-CN','en')),
      created_by uuid REFERENCES users(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Feedback to the departments concerned (P4.4.3, P2.1.3, P2.2.2, P2.3.4).
  await sql`
    CREATE TABLE feedback_counters (
      day date PRIMARY KEY,
      last integer NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE feedback (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      work_order_id uuid NOT NULL REFERENCES work_orders(id),
      kind text NOT NULL CHECK (kind IN ('defect','suggestion','opinion')),
      source text NOT NULL CHECK (source IN ('technician','customer')),
      department text NOT NULL CHECK (department IN ('product','quality')),
      product_model text,
      serial_number text,
      defect_category text,
      severity text CHECK (severity IN ('low','medium','high','critical')),
      title text NOT NULL,
      description text NOT NULL,
      status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','investigating','answered','closed')),
      answer text,
      answered_by_label text,
      answered_at timestamptz,
      closed_at timestamptz,
      raised_by uuid REFERENCES users(id),
      raised_by_label text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'defect' OR (product_model IS NOT NULL AND defect_category IS NOT NULL AND severity IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX feedback_inbox ON feedback (department, status, created_at DESC)`.execute(db);
  await sql`CREATE INDEX feedback_order ON feedback (work_order_id)`.execute(db);
  await sql`CREATE INDEX feedback_defects ON feedback (product_model, defect_category, created_at) WHERE kind = 'defect'`.execute(db);

  await sql`
    CREATE TABLE feedback_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      feedback_id uuid NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_label text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      note text
    )`.execute(db);

  await sql`ALTER TABLE attachments ADD COLUMN feedback_id uuid REFERENCES feedback(id) ON DELETE CASCADE`.execute(db);
  // An email may carry one of the order's files (the service report PDF, P4.4.2).
  await sql`ALTER TABLE notifications ADD COLUMN attachment_id uuid REFERENCES attachments(id) ON DELETE SET NULL`.execute(db);

  // Problems the customer raised are followed up until handled (P4.4.3).
  await sql`
    CREATE TABLE follow_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_order_id uuid NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      feedback_id uuid REFERENCES feedback(id) ON DELETE SET NULL,
      title text NOT NULL,
      assignee_id uuid NOT NULL REFERENCES employees(id),
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
      outcome text,
      done_at timestamptz,
      done_by_label text,
      escalated_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_by_label text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'done' OR (outcome IS NOT NULL AND done_at IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX follow_ups_order ON follow_ups (work_order_id)`.execute(db);
  await sql`CREATE INDEX follow_ups_open_due ON follow_ups (due_at) WHERE status = 'open'`.execute(db);
  await sql`CREATE INDEX follow_ups_assignee ON follow_ups (assignee_id, status)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'follow_ups',
    'feedback_events',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE notifications DROP COLUMN attachment_id`.execute(db);
  await sql`ALTER TABLE attachments DROP COLUMN feedback_id`.execute(db);
  for (const table of [
    'feedback',
    'feedback_counters',
    'service_reports',
    'fault_codes',
    'survey_invitations',
    'customer_ratings',
    'acceptances',
    'checklist_results',
    'work_order_checklists',
    'checklist_templates',
    'site_visits',
    'work_order_tools',
    'tool_maintenance',
    'tools',
    'stock_movements',
    'work_order_parts',
    'stock_levels',
    'stock_locations',
    'parts',
    'server_secrets',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
