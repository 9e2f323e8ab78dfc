import { z } from 'zod';
import { dateOnly, email, id, listQuery, optionalText, page, phone, searchQuery, text, version } from '../../platform/schemas.ts';

const contactFields = {
  name: text(50),
  title: optionalText(50),
  phone,
  email,
  isPrimary: z.boolean(),
};
const siteFields = {
  name: text(80),
  address: text(200),
  city: text(30),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
};
const productFields = {
  siteId: id.nullish().transform((v) => v ?? null),
  model: text(40),
  productName: text(80),
  serialNumber: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .refine((v) => /^[A-Za-z0-9._/-]+$/.test(v), { params: { messageKey: 'field.invalid' } }),
  installedOn: dateOnly.nullish().transform((v) => v ?? null),
  warrantyEndsOn: dateOnly.nullish().transform((v) => v ?? null),
};

export const contactBody = z.object({ ...contactFields, isPrimary: contactFields.isPrimary.default(false) }).strict();
export const contactPatch = z.object({ version, ...contactFields }).partial().required({ version: true }).strict();
export const siteBody = z.object(siteFields).strict();
export const sitePatch = z.object({ version, ...siteFields }).partial().required({ version: true }).strict();
export const productBody = z.object(productFields).strict();
export const productPatch = z.object({ version, ...productFields }).partial().required({ version: true }).strict();

const customerFields = {
  kind: z.enum(['company', 'individual']),
  name: text(100),
  phone,
  email,
  notes: optionalText(2000),
};
export const createCustomerBody = z
  .object({
    ...customerFields,
    contacts: z.array(contactBody).max(20).default([]),
    sites: z.array(siteBody).max(20).default([]),
  })
  .strict();
export const updateCustomerBody = z.object({ version, ...customerFields }).partial().required({ version: true }).strict();
export const deactivateCustomerBody = z.object({ version, reason: text(200) }).strict();

export const listCustomersQuery = z
  .object({
    ...listQuery,
    q: searchQuery,
    kind: z.enum(['company', 'individual']).optional(),
    status: z.enum(['active', 'inactive', 'all']).default('active'),
  })
  .strict();

export const contactParams = z.object({ id, contactId: id }).strict();
export const siteParams = z.object({ id, siteId: id }).strict();
export const productParams = z.object({ id, productId: id }).strict();

export type CreateCustomer = z.infer<typeof createCustomerBody>;
export type UpdateCustomer = z.infer<typeof updateCustomerBody>;
export type ListCustomers = z.infer<typeof listCustomersQuery>;

const abilities = z.object({ update: z.boolean(), deactivate: z.boolean() });
const summaryShape = {
  id: z.string(),
  customerNo: z.string(),
  kind: z.enum(['company', 'individual']),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  primaryContact: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  siteCount: z.number(),
  productCount: z.number(),
  version: z.number(),
  abilities,
};
export const customerSummaryView = z.object(summaryShape).meta({ id: 'CustomerSummary' });
export const customerView = z
  .object({
    ...summaryShape,
    notes: z.string().nullable(),
    contacts: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        title: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        isPrimary: z.boolean(),
        version: z.number(),
      }),
    ),
    sites: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        address: z.string(),
        city: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        version: z.number(),
      }),
    ),
    products: z.array(
      z.object({
        id: z.string(),
        siteId: z.string().nullable(),
        model: z.string(),
        productName: z.string(),
        serialNumber: z.string(),
        installedOn: z.string().nullable(),
        warrantyEndsOn: z.string().nullable(),
        underWarranty: z.boolean(),
        version: z.number(),
      }),
    ),
  })
  .meta({ id: 'Customer' });
export const customerPage = page(customerSummaryView);
