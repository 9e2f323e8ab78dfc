import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import {
  contactBody,
  contactParams,
  contactPatch,
  createCustomerBody,
  customerPage,
  customerView,
  deactivateCustomerBody,
  listCustomersQuery,
  productBody,
  productParams,
  productPatch,
  siteBody,
  siteParams,
  sitePatch,
  updateCustomerBody,
} from './schemas.ts';
import { addPart, createCustomer, deactivateCustomer, getCustomer, listCustomers, updateCustomer, updatePart } from './service.ts';

const tags = ['customers'];
const read = { access: 'customers.read' } as const;
const write = { access: 'customers.write' } as const;
const one = { 200: customerView };
const created = { 201: customerView };

export const customerRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/customers', { config: read, schema: { tags, querystring: listCustomersQuery, response: { 200: customerPage } } }, async (request) =>
    listCustomers(contextOf(request, deps), request.query),
  );
  r.post('/api/v1/customers', { config: write, schema: { tags, body: createCustomerBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await createCustomer(contextOf(request, deps), request.body)),
  );
  r.get('/api/v1/customers/:id', { config: read, schema: { tags, params: idParams, response: one } }, async (request) =>
    getCustomer(contextOf(request, deps), request.params.id),
  );
  r.patch('/api/v1/customers/:id', { config: write, schema: { tags, params: idParams, body: updateCustomerBody, response: one } }, async (request) =>
    updateCustomer(contextOf(request, deps), request.params.id, request.body),
  );
  r.post(
    '/api/v1/customers/:id/deactivate',
    { config: write, schema: { tags, params: idParams, body: deactivateCustomerBody, response: one } },
    async (request) => deactivateCustomer(contextOf(request, deps), request.params.id, request.body),
  );

  r.post('/api/v1/customers/:id/contacts', { config: write, schema: { tags, params: idParams, body: contactBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await addPart(contextOf(request, deps), request.params.id, 'contact', request.body)),
  );
  r.patch(
    '/api/v1/customers/:id/contacts/:contactId',
    { config: write, schema: { tags, params: contactParams, body: contactPatch, response: one } },
    async (request) => updatePart(contextOf(request, deps), request.params.id, 'contact', request.params.contactId, request.body),
  );
  r.post('/api/v1/customers/:id/sites', { config: write, schema: { tags, params: idParams, body: siteBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await addPart(contextOf(request, deps), request.params.id, 'site', request.body)),
  );
  r.patch(
    '/api/v1/customers/:id/sites/:siteId',
    { config: write, schema: { tags, params: siteParams, body: sitePatch, response: one } },
    async (request) => updatePart(contextOf(request, deps), request.params.id, 'site', request.params.siteId, request.body),
  );
  r.post('/api/v1/customers/:id/products', { config: write, schema: { tags, params: idParams, body: productBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await addPart(contextOf(request, deps), request.params.id, 'product', request.body)),
  );
  r.patch(
    '/api/v1/customers/:id/products/:productId',
    { config: write, schema: { tags, params: productParams, body: productPatch, response: one } },
    async (request) => updatePart(contextOf(request, deps), request.params.id, 'product', request.params.productId, request.body),
  );
};
