import { z } from 'zod';
import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { id, idParams } from '../../platform/schemas.ts';
import { getOrderParts, orderPartStep } from './order-parts.ts';
import { createPart, getPart, listParts, setPartActive, updatePart } from './parts-service.ts';
import type { OrderPartOp } from './policy.ts';
import {
  adjustBody,
  createPartBody,
  levelResult,
  levelsPage,
  levelsQuery,
  listPartsQuery,
  locationList,
  movementPage,
  movementsQuery,
  orderPartBody,
  orderPartsView,
  partPage,
  partView,
  receiveBody,
  transferBody,
  updatePartBody,
  versionBody,
} from './schemas.ts';
import { adjustStock, listLevels, listLocations, listMovements, myVan, receiveStock, transferToVan } from './service.ts';

// P4.3.1: the parts catalogue, stock per location, and the parts of an order.
const tags = ['stock'];
const partsRead = { access: 'parts.read' } as const;
const partsManage = { access: 'parts.manage' } as const;
const stockManage = { access: 'stock.manage' } as const;
const ORDER_STEPS: OrderPartOp[] = ['plan', 'reserve', 'release', 'issue', 'consume', 'return'];

export const stockRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get('/api/v1/parts', { config: partsRead, schema: { tags, querystring: listPartsQuery, response: { 200: partPage } } }, async (request) =>
    listParts(contextOf(request, deps), request.query),
  );
  r.post('/api/v1/parts', { config: partsManage, schema: { tags, body: createPartBody, response: { 201: partView } } }, async (request, reply) =>
    reply.code(201).send(await createPart(contextOf(request, deps), request.body)),
  );
  r.get('/api/v1/parts/:id', { config: partsRead, schema: { tags, params: idParams, response: { 200: partView } } }, async (request) =>
    getPart(contextOf(request, deps), request.params.id),
  );
  r.patch('/api/v1/parts/:id', { config: partsManage, schema: { tags, params: idParams, body: updatePartBody, response: { 200: partView } } }, async (request) =>
    updatePart(contextOf(request, deps), request.params.id, request.body),
  );
  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    r.post(
      `/api/v1/parts/:id/${path}`,
      { config: partsManage, schema: { tags, params: idParams, body: versionBody, response: { 200: partView } } },
      async (request) => setPartActive(contextOf(request, deps), request.params.id, request.body.version, active),
    );
  }

  r.get('/api/v1/stock/locations', { config: partsRead, schema: { tags, response: { 200: locationList } } }, async (request) =>
    listLocations(contextOf(request, deps)),
  );
  r.get('/api/v1/stock/levels', { config: partsRead, schema: { tags, querystring: levelsQuery, response: { 200: levelsPage } } }, async (request) =>
    listLevels(contextOf(request, deps), request.query),
  );
  r.get(
    '/api/v1/stock/my-van',
    { config: { access: 'authenticated' }, schema: { tags, querystring: levelsQuery.omit({ locationId: true }), response: { 200: levelsPage } } },
    async (request) => myVan(contextOf(request, deps), request.query),
  );
  r.get('/api/v1/stock/movements', { config: stockManage, schema: { tags, querystring: movementsQuery, response: { 200: movementPage } } }, async (request) =>
    listMovements(contextOf(request, deps), request.query),
  );
  r.post('/api/v1/stock/receipts', { config: stockManage, schema: { tags, body: receiveBody, response: { 200: levelResult } } }, async (request) =>
    receiveStock(contextOf(request, deps), request.body),
  );
  r.post('/api/v1/stock/adjustments', { config: stockManage, schema: { tags, body: adjustBody, response: { 200: levelResult } } }, async (request) =>
    adjustStock(contextOf(request, deps), request.body),
  );
  r.post('/api/v1/stock/transfers', { config: stockManage, schema: { tags, body: transferBody, response: { 200: levelResult } } }, async (request) =>
    transferToVan(contextOf(request, deps), request.body),
  );

  const orderParams = z.object({ id }).strict();
  r.get(
    '/api/v1/work-orders/:id/parts',
    { config: { access: 'work_orders.read' }, schema: { tags, params: orderParams, response: { 200: orderPartsView } } },
    async (request) => getOrderParts(contextOf(request, deps), request.params.id),
  );
  for (const step of ORDER_STEPS) {
    r.post(
      `/api/v1/work-orders/:id/parts/${step}`,
      { config: { access: 'work_orders.read' }, schema: { tags, params: orderParams, body: orderPartBody, response: { 200: orderPartsView } } },
      async (request) => orderPartStep(contextOf(request, deps), request.params.id, step, request.body),
    );
  }
};
