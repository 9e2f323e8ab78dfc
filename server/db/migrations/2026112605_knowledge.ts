import { type Kysely, sql } from 'kysely';

// Knowledge at hand (P2.1.1-P2.1.2): the solved orders of a rare product model are found from
// its products (installed_products by model, then work_orders_product), not by reading every product.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX installed_products_model ON installed_products (model)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX installed_products_model`.execute(db);
}
