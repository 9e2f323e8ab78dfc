import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ExcuseReason } from '../../db/schema.ts';
import { type FactsWindow, factRows } from './facts-queries.ts';

// SQL of the drill-down (explain.ts): one technician's records behind each set of facts, derived
// by the conditions the close counts them by (facts-queries.ts factRows).

type Db = Kysely<DB>;
const one = (employeeId: string) => sql`SELECT ${employeeId}::uuid`;

export const frozenDigests = (db: Db, resultId: string) =>
  db
    .selectFrom('appraisalResults')
    .select([
      'employeeId',
      'arrivalsDigest as arrivals',
      'closuresDigest as closures',
      'ratingsDigest as ratings',
      'growthDigest as growth',
      'consultationsDigest as consultations',
      'assistsDigest as assists',
    ])
    .where('id', '=', resultId)
    .executeTakeFirstOrThrow();

export const arrivalRows = async (db: Db, w: FactsWindow, employeeId: string) =>
  (
    await sql<{
      part: number;
      id: string;
      number: string;
      title: string;
      arrivedAt: Date | null;
      arrivalDueAt: Date | null;
      reason: ExcuseReason | null;
      evidence: string | null;
      recordedByLabel: string | null;
      recordedAt: Date | null;
    }>`
      WITH ${factRows(w, one(employeeId))}
      SELECT a.part, wo.id, wo.number, wo.title, wo.arrived_at, wo.arrival_due_at, x.reason, x.evidence, x.recorded_by_label, x.recorded_at
      FROM arrivals a JOIN work_orders wo ON wo.id = a.id LEFT JOIN arrival_excuses x ON x.work_order_id = wo.id
      ORDER BY wo.arrived_at, wo.number`.execute(db)
  ).rows;

export const closureRows = async (db: Db, w: FactsWindow, employeeId: string) =>
  (
    await sql<{ part: number; id: string; number: string; title: string; closedAt: Date | null }>`
      WITH ${factRows(w, one(employeeId))}
      SELECT c.part, wo.id, wo.number, wo.title, wo.closed_at
      FROM closures c JOIN work_orders wo ON wo.id = c.id
      ORDER BY wo.closed_at, wo.number`.execute(db)
  ).rows;

export const ratingRows = async (db: Db, w: FactsWindow, employeeId: string) =>
  (
    await sql<{ rating: number; source: string; ratedAt: Date; id: string; number: string; title: string }>`
      WITH ${factRows(w, one(employeeId))}
      SELECT cr.rating::int AS rating, cr.source, cr.rated_at, wo.id, wo.number, wo.title
      FROM ratings r JOIN customer_ratings cr ON cr.id = r.id JOIN work_orders wo ON wo.id = cr.work_order_id
      ORDER BY cr.rated_at, wo.number`.execute(db)
  ).rows;

export const growthRows = async (db: Db, w: FactsWindow, employeeId: string) =>
  (
    await sql<{
      kind: string;
      title: string;
      occurredOn: string;
      hours: string | null;
      score: number | null;
      passed: boolean | null;
      accepted: boolean | null;
    }>`
      WITH ${factRows(w, one(employeeId))}
      SELECT g.kind, g.title, g.occurred_on::text AS occurred_on, g.hours, g.score, g.passed, g.accepted
      FROM growth r JOIN growth_records g ON g.id = r.id
      ORDER BY g.occurred_on, g.title`.execute(db)
  ).rows;

export const consultationRows = async (db: Db, w: FactsWindow, employeeId: string) =>
  (
    await sql<{ part: number; topic: string; joinedAt: Date | null; id: string; number: string }>`
      WITH ${factRows(w, one(employeeId))}
      SELECT k.part, c.topic, cp.joined_at, wo.id, wo.number
      FROM consulted k JOIN consultations c ON c.id = k.id
        JOIN consultation_participants cp ON cp.consultation_id = c.id AND cp.employee_id = k.employee_id
        JOIN work_orders wo ON wo.id = c.work_order_id
      ORDER BY cp.joined_at, wo.number`.execute(db)
  ).rows;

export const assistRows = async (db: Db, w: FactsWindow, employeeId: string) =>
  (
    await sql<{ id: string; number: string; title: string; at: Date | null }>`
      WITH ${factRows(w, one(employeeId))}
      SELECT DISTINCT wo.id, wo.number, wo.title,
        (SELECT min(v.check_in_at) FROM site_visits v WHERE v.work_order_id = wo.id AND v.employee_id = a.employee_id
          AND v.check_in_at >= ${w.start} AND v.check_in_at < ${w.end}) AS at
      FROM assists a JOIN work_orders wo ON wo.id = a.id
      ORDER BY at, wo.number`.execute(db)
  ).rows;
