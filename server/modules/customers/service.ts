import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { companyToday } from '../settings/service.ts';
import { deactivateAccounts } from '../users/service.ts';
import { customerPolicy } from './policy.ts';
import { presentCustomer, presentCustomerSummary } from './presenter.ts';
import { customerParts, findCustomerById, findCustomers, nextCustomerNo, primaryContacts } from './queries.ts';
import type { CreateCustomer, ListCustomers, UpdateCustomer } from './schemas.ts';
import { customerSearchKeys } from './search-keys.ts';

export async function listCustomers(ctx: ServiceContext, query: ListCustomers) {
  const rows = await findCustomers(ctx.db, {
    q: query.q || undefined,
    kind: query.kind,
    status: query.status,
    onlyId: customerPolicy.scope(ctx.actor),
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = pageOf(rows, query.limit, (r) => r.customerNo);
  const primaries = await primaryContacts(ctx.db, items.map((c) => c.id));
  return {
    items: items.map((c) => presentCustomerSummary(ctx.actor, c, primaries.find((p) => p.customerId === c.id))),
    nextCursor,
  };
}

/** A customer the caller may not see answers 404, as if it did not exist. */
export async function getCustomer(ctx: ServiceContext, id: string) {
  const row = await findCustomerById(ctx.db, id);
  if (!row || !customerPolicy.read(ctx.actor, id)) throw errors.notFound();
  return presentCustomer(ctx.actor, row, await customerParts(ctx.db, id), await companyToday(ctx.db));
}

async function loadForWrite(ctx: ServiceContext, id: string) {
  const row = await findCustomerById(ctx.db, id);
  if (!row || !customerPolicy.read(ctx.actor, id)) throw errors.notFound();
  if (!customerPolicy.update(ctx.actor)) throw errors.forbidden();
  return row;
}

/** The customer's search keys cover its contacts and its products' serials, so they follow every change. */
async function refreshSearchKeys(trx: Transaction<DB>, customerId: string) {
  const customer = await trx.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow();
  const { contacts, products } = await customerParts(trx, customerId);
  const keys = customerSearchKeys({ ...customer, contacts, serialNumbers: products.map((p) => p.serialNumber) });
  await trx.updateTable('customers').set(keys).where('id', '=', customerId).execute();
}

async function snapshot(trx: Transaction<DB>, id: string) {
  const customer = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  return customer ? { ...customer, ...(await customerParts(trx, id)) } : null;
}

function checkOnePrimary(contacts: ReadonlyArray<{ isPrimary: boolean }>) {
  const extra = contacts.findIndex((c, i) => c.isPrimary && contacts.findIndex((d) => d.isPrimary) !== i);
  if (extra >= 0) throw errors.invalidField(`contacts.${extra}.isPrimary`, 'field.duplicate');
}

export async function createCustomer(ctx: ServiceContext, input: CreateCustomer) {
  if (!customerPolicy.update(ctx.actor)) throw errors.forbidden();
  checkOnePrimary(input.contacts);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { contacts, sites, ...fields } = input;
    const customer = await trx
      .insertInto('customers')
      .values({ ...fields, customerNo: await nextCustomerNo(trx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The first contact is primary unless one is named.
    const withPrimary = contacts.map((c, i) => ({ ...c, isPrimary: c.isPrimary || (i === 0 && !contacts.some((k) => k.isPrimary)) }));
    if (withPrimary.length) await trx.insertInto('customerContacts').values(withPrimary.map((c) => ({ ...c, customerId: customer.id }))).execute();
    if (sites.length) await trx.insertInto('customerSites').values(sites.map((s) => ({ ...s, customerId: customer.id }))).execute();
    await refreshSearchKeys(trx, customer.id);
    await writeAudit(trx, ctx, { action: 'customer.create', entityType: 'customer', entityId: customer.id, after: await snapshot(trx, customer.id) });
    return customer.id;
  });
  return getCustomer(ctx, id);
}

export async function updateCustomer(ctx: ServiceContext, id: string, input: UpdateCustomer) {
  await loadForWrite(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const { version, ...fields } = input;
    const after = await updateVersioned(trx, 'customers', id, version, fields);
    await refreshSearchKeys(trx, id);
    await writeAudit(trx, ctx, { action: 'customer.update', entityType: 'customer', entityId: id, before, after });
  });
  return getCustomer(ctx, id);
}

export async function deactivateCustomer(ctx: ServiceContext, id: string, input: { version: number; reason: string }) {
  const current = await loadForWrite(ctx, id);
  if (!customerPolicy.deactivate(ctx.actor, current)) throw errors.businessRule('The customer is already inactive');
  await ctx.db.transaction().execute(async (trx) => {
    await updateVersioned(trx, 'customers', id, input.version, { status: 'inactive' });
    await deactivateAccounts(trx, { customerId: id });
    await writeAudit(trx, ctx, {
      action: 'customer.deactivate',
      entityType: 'customer',
      entityId: id,
      before: { status: current.status },
      after: { status: 'inactive', reason: input.reason },
    });
  });
  return getCustomer(ctx, id);
}

// Contacts, sites and installed products are parts of a customer, changed one at a time.
const PARTS = {
  contact: { table: 'customerContacts', entityType: 'customer_contact' },
  site: { table: 'customerSites', entityType: 'customer_site' },
  product: { table: 'installedProducts', entityType: 'installed_product' },
} as const;
export type Part = keyof typeof PARTS;
type PartValues = Record<string, unknown>;

/** Rules a part's values must meet, given what is already stored for it (empty when it is new). */
async function checkPart(trx: Transaction<DB>, customerId: string, part: Part, values: PartValues, stored: PartValues & { id?: string }) {
  const merged = { ...stored, ...values };
  if (part === 'product') {
    const siteId = merged.siteId as string | null | undefined;
    if (siteId) {
      const site = await trx.selectFrom('customerSites').select('id').where('id', '=', siteId).where('customerId', '=', customerId).executeTakeFirst();
      if (!site) throw errors.invalidField('siteId', 'field.reference');
    }
    const installed = merged.installedOn as string | null | undefined;
    const warranty = merged.warrantyEndsOn as string | null | undefined;
    if (installed && warranty && warranty < installed) throw errors.invalidField('warrantyEndsOn', 'field.date_range');
  }
  if (part === 'contact' && values.isPrimary === true) {
    // Naming a new primary contact demotes the previous one.
    // Its version moves too, so an edit made from a stale copy of it is refused.
    await trx
      .updateTable('customerContacts')
      .set((eb) => ({ isPrimary: false, version: eb('version', '+', 1) }))
      .where('customerId', '=', customerId)
      .where('isPrimary', '=', true)
      .where('id', '<>', stored.id ?? '00000000-0000-0000-0000-000000000000')
      .execute();
  }
}

export async function addPart(ctx: ServiceContext, customerId: string, part: Part, values: PartValues) {
  await loadForWrite(ctx, customerId);
  const { table, entityType } = PARTS[part];
  await ctx.db.transaction().execute(async (trx) => {
    await checkPart(trx, customerId, part, values, {});
    // As on creation, the first contact of a customer is its primary one.
    const first =
      part === 'contact' &&
      !(await trx.selectFrom('customerContacts').select('id').where('customerId', '=', customerId).executeTakeFirst());
    const row = await trx
      .insertInto(table)
      .values({ ...values, ...(first ? { isPrimary: true } : {}), customerId } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshSearchKeys(trx, customerId);
    await writeAudit(trx, ctx, { action: `${entityType}.create`, entityType, entityId: row.id, after: row });
  });
  return getCustomer(ctx, customerId);
}

export async function updatePart(ctx: ServiceContext, customerId: string, part: Part, partId: string, input: PartValues & { version: number }) {
  await loadForWrite(ctx, customerId);
  const { table, entityType } = PARTS[part];
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom(table).selectAll().where('id', '=', partId).where('customerId', '=', customerId).executeTakeFirst();
    if (!before) throw errors.notFound();
    const { version, ...values } = input;
    await checkPart(trx, customerId, part, values, before as PartValues);
    const after = await updateVersioned(trx, table, partId, version, values);
    await refreshSearchKeys(trx, customerId);
    await writeAudit(trx, ctx, { action: `${entityType}.update`, entityType, entityId: partId, before, after });
  });
  return getCustomer(ctx, customerId);
}
