import type { Customer } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerPolicy } from './policy.ts';
import type { customerParts } from './queries.ts';

type Parts = Awaited<ReturnType<typeof customerParts>>;
type Counts = { siteCount: number | null; productCount: number | null };

export function presentCustomerSummary(
  actor: Actor,
  c: Customer & Counts,
  primary: { name: string; phone: string | null } | undefined,
) {
  return {
    id: c.id,
    customerNo: c.customerNo,
    kind: c.kind,
    name: c.name,
    phone: c.phone,
    email: c.email,
    status: c.status,
    primaryContact: primary ? { name: primary.name, phone: primary.phone } : null,
    siteCount: Number(c.siteCount ?? 0),
    productCount: Number(c.productCount ?? 0),
    version: c.version,
    abilities: customerPolicy.abilities(actor, c),
  };
}

export function presentCustomer(actor: Actor, c: Customer, parts: Parts, today: string) {
  const primary = parts.contacts.find((k) => k.isPrimary);
  return {
    ...presentCustomerSummary(actor, { ...c, siteCount: parts.sites.length, productCount: parts.products.length }, primary),
    notes: c.notes,
    contacts: parts.contacts.map(({ customerId: _c, ...k }) => k),
    sites: parts.sites.map(({ customerId: _c, ...s }) => ({ ...s, latitude: Number(s.latitude), longitude: Number(s.longitude) })),
    products: parts.products.map(({ customerId: _c, ...p }) => ({
      ...p,
      underWarranty: p.warrantyEndsOn !== null && p.warrantyEndsOn >= today,
    })),
  };
}
