import { type Kysely, sql } from 'kysely';

// Foundation: accounts, sessions, audit trail, dated settings, teams, people, customers.
// PostgreSQL 15 is the floor: nothing here needs a newer server.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE TABLE teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      city text NOT NULL,
      region text NOT NULL,
      supervisor_id uuid,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE employees (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_no text NOT NULL UNIQUE,
      name text NOT NULL,
      position text NOT NULL CHECK (position IN
        ('support_engineer','repair_engineer','installation_engineer','supervisor','manager','hr','agent','other')),
      grade text NOT NULL,
      team_id uuid REFERENCES teams(id),
      supervisor_id uuid REFERENCES employees(id),
      hire_date date NOT NULL,
      prior_experience_months integer NOT NULL DEFAULT 0 CHECK (prior_experience_months >= 0),
      phone text,
      email text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),
      deactivated_at timestamptz,
      deactivation_reason text,
      search_text text NOT NULL DEFAULT '',
      search_grams text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`ALTER TABLE teams ADD CONSTRAINT teams_supervisor_fk FOREIGN KEY (supervisor_id) REFERENCES employees(id)`.execute(
    db,
  );
  await sql`CREATE INDEX employees_team_idx ON employees (team_id)`.execute(db);
  await sql`CREATE INDEX employees_search_trgm ON employees USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX employees_search_grams ON employees USING gin (search_grams)`.execute(db);

  await sql`
    CREATE TABLE employee_skills (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      skill text NOT NULL,
      level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
      UNIQUE (employee_id, skill)
    )`.execute(db);
  await sql`CREATE INDEX employee_skills_skill_idx ON employee_skills (skill, level)`.execute(db);

  await sql`
    CREATE TABLE employee_certificates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
      name text NOT NULL,
      issuer text NOT NULL,
      number text NOT NULL,
      issued_on date,
      expires_on date
    )`.execute(db);
  await sql`CREATE INDEX employee_certificates_employee_idx ON employee_certificates (employee_id)`.execute(db);
  await sql`CREATE INDEX employee_certificates_expiry_idx ON employee_certificates (expires_on)`.execute(db);

  await sql`
    CREATE TABLE customers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_no text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('company','individual')),
      name text NOT NULL,
      phone text,
      email text,
      notes text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),
      search_text text NOT NULL DEFAULT '',
      search_grams text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX customers_search_grams ON customers USING gin (search_grams)`.execute(db);

  await sql`
    CREATE TABLE customer_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name text NOT NULL,
      title text,
      phone text,
      email text,
      is_primary boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX customer_contacts_customer_idx ON customer_contacts (customer_id)`.execute(db);

  await sql`
    CREATE TABLE customer_sites (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name text NOT NULL,
      address text NOT NULL,
      city text NOT NULL,
      latitude numeric(9,6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
      longitude numeric(9,6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
      version integer NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX customer_sites_customer_idx ON customer_sites (customer_id)`.execute(db);

  await sql`
    CREATE TABLE installed_products (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      site_id uuid REFERENCES customer_sites(id),
      model text NOT NULL,
      product_name text NOT NULL,
      serial_number text NOT NULL UNIQUE,
      installed_on date,
      warranty_ends_on date,
      version integer NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX installed_products_customer_idx ON installed_products (customer_id)`.execute(db);
  await sql`CREATE INDEX installed_products_serial_trgm ON installed_products USING gin (serial_number gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN
        ('admin','agent','technician','supervisor','manager','hr','customer','department')),
      department text CHECK (department IN ('product','quality')),
      employee_id uuid UNIQUE REFERENCES employees(id),
      customer_id uuid REFERENCES customers(id),
      locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN','en')),
      active boolean NOT NULL DEFAULT true,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (role <> 'customer' OR customer_id IS NOT NULL),
      CHECK (role <> 'department' OR department IS NOT NULL)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      user_agent text,
      ip text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  // Failed sign-ins are counted per lower-cased username, known or not, so the
  // throttle neither reveals which accounts exist nor lives in process memory.
  await sql`
    CREATE TABLE sign_in_throttle (
      username_key text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0,
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      token_hash text NOT NULL UNIQUE,
      token_prefix text NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_label text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb,
      request_id text
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id)`.execute(db);

  await sql`
    CREATE TABLE settings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key text NOT NULL,
      value jsonb NOT NULL,
      effective_from date NOT NULL,
      set_by uuid REFERENCES users(id),
      set_by_label text NOT NULL,
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (key, effective_from)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'settings',
    'audit_log',
    'api_tokens',
    'sign_in_throttle',
    'sessions',
    'users',
    'installed_products',
    'customer_sites',
    'customer_contacts',
    'customers',
    'employee_certificates',
    'employee_skills',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE teams DROP CONSTRAINT teams_supervisor_fk`.execute(db);
  await sql`DROP TABLE employees`.execute(db);
  await sql`DROP TABLE teams`.execute(db);
}
