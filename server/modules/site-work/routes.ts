import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import { createTemplate, getTemplate, listOrderChecklists, listTemplates, recordItemResult, updateTemplate } from './checklists.ts';
import { addOrderTool, listOrderTools, orderToolOptions, removeOrderTool } from './order-tools.ts';
import {
  addOrderToolBody,
  checkOutBody,
  createTemplateBody,
  createToolBody,
  itemParams,
  itemResultBody,
  listTemplatesQuery,
  listToolsQuery,
  maintenanceBody,
  orderChecklistsView,
  orderToolParams,
  orderToolsView,
  templateList,
  templateView,
  toolOptionsQuery,
  toolOptionsView,
  toolPage,
  toolView,
  updateTemplateBody,
  updateToolBody,
  versionBody,
  visitsView,
} from './schemas.ts';
import { createTool, getTool, listTools, logMaintenance, updateTool } from './tools.ts';
import { checkInAgain, checkOut, listVisits } from './visits.ts';
import { bodyLimitFor } from '../work-orders/schemas.ts';

const read = { access: 'tools.read' } as const;
const manage = { access: 'tools.manage' } as const;
const checklists = { access: 'checklists.manage' } as const;
const orders = { access: 'work_orders.read' } as const;
const work = { access: 'work_orders.work' } as const;

export const siteWorkRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, deps);

  // Tools register (P2.2.3)
  const tools = ['tools'];
  r.get('/api/v1/tools', { config: read, schema: { tags: tools, querystring: listToolsQuery, response: { 200: toolPage } } }, async (request) =>
    listTools(ctx(request), request.query),
  );
  r.post('/api/v1/tools', { config: manage, schema: { tags: tools, body: createToolBody, response: { 201: toolView } } }, async (request, reply) =>
    reply.code(201).send(await createTool(ctx(request), request.body)),
  );
  r.get('/api/v1/tools/:id', { config: read, schema: { tags: tools, params: idParams, response: { 200: toolView } } }, async (request) =>
    getTool(ctx(request), request.params.id),
  );
  r.patch('/api/v1/tools/:id', { config: manage, schema: { tags: tools, params: idParams, body: updateToolBody, response: { 200: toolView } } }, async (request) =>
    updateTool(ctx(request), request.params.id, request.body),
  );
  // The holder logs their own tool's calibration too: the object rule is in policy.ts.
  r.post(
    '/api/v1/tools/:id/maintenance',
    { config: read, schema: { tags: tools, params: idParams, body: maintenanceBody, response: { 201: toolView } } },
    async (request, reply) => reply.code(201).send(await logMaintenance(ctx(request), request.params.id, request.body)),
  );

  // Tools a visit needs (P4.3.1)
  const field = ['site-work'];
  r.get('/api/v1/work-orders/:id/tools', { config: orders, schema: { tags: field, params: idParams, response: { 200: orderToolsView } } }, async (request) =>
    listOrderTools(ctx(request), request.params.id),
  );
  r.get(
    '/api/v1/work-orders/:id/tools/options',
    { config: orders, schema: { tags: field, params: idParams, querystring: toolOptionsQuery, response: { 200: toolOptionsView } } },
    async (request) => orderToolOptions(ctx(request), request.params.id, request.query.q),
  );
  r.post(
    '/api/v1/work-orders/:id/tools',
    { config: orders, schema: { tags: field, params: idParams, body: addOrderToolBody, response: { 201: orderToolsView } } },
    async (request, reply) => reply.code(201).send(await addOrderTool(ctx(request), request.params.id, request.body.toolId)),
  );
  r.delete(
    '/api/v1/work-orders/:id/tools/:toolId',
    { config: orders, schema: { tags: field, params: orderToolParams, response: { 200: orderToolsView } } },
    async (request) => removeOrderTool(ctx(request), request.params.id, request.params.toolId),
  );

  // Site visits (P4.3.2, P5.1.2)
  r.get('/api/v1/work-orders/:id/visits', { config: orders, schema: { tags: field, params: idParams, response: { 200: visitsView } } }, async (request) =>
    listVisits(ctx(request), request.params.id),
  );
  r.post(
    '/api/v1/work-orders/:id/visits/check-in',
    { config: work, schema: { tags: field, params: idParams, body: checkOutBody, response: { 200: visitsView } } },
    async (request) => checkInAgain(ctx(request), request.params.id, request.body.location),
  );
  r.post(
    '/api/v1/work-orders/:id/visits/check-out',
    { config: work, schema: { tags: field, params: idParams, body: checkOutBody, response: { 200: visitsView } } },
    async (request) => checkOut(ctx(request), request.params.id, request.body.location),
  );

  // Checklists of an order (P4.3.2, P2.3.1, P2.3.3)
  r.get(
    '/api/v1/work-orders/:id/checklists',
    { config: orders, schema: { tags: field, params: idParams, response: { 200: orderChecklistsView } } },
    async (request) => listOrderChecklists(ctx(request), request.params.id),
  );
  r.put(
    '/api/v1/work-orders/:id/checklists/:checklistId/items/:itemKey',
    // A photo from the phone's camera, base64.
    { bodyLimit: bodyLimitFor(1), config: work, schema: { tags: field, params: itemParams, body: itemResultBody, response: { 200: orderChecklistsView } } },
    async (request) => recordItemResult(ctx(request), request.params.id, request.params.checklistId, request.params.itemKey, request.body),
  );

  // Checklist templates (administration)
  const admin = ['checklist-templates'];
  r.get(
    '/api/v1/checklist-templates',
    { config: checklists, schema: { tags: admin, querystring: listTemplatesQuery, response: { 200: templateList } } },
    async (request) => listTemplates(ctx(request), request.query),
  );
  r.post(
    '/api/v1/checklist-templates',
    { config: checklists, schema: { tags: admin, body: createTemplateBody, response: { 201: templateView } } },
    async (request, reply) => reply.code(201).send(await createTemplate(ctx(request), request.body)),
  );
  r.get('/api/v1/checklist-templates/:id', { config: checklists, schema: { tags: admin, params: idParams, response: { 200: templateView } } }, async (request) =>
    getTemplate(ctx(request), request.params.id),
  );
  r.patch(
    '/api/v1/checklist-templates/:id',
    { config: checklists, schema: { tags: admin, params: idParams, body: updateTemplateBody, response: { 200: templateView } } },
    async (request) => updateTemplate(ctx(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/checklist-templates/:id/deactivate',
    { config: checklists, schema: { tags: admin, params: idParams, body: versionBody, response: { 200: templateView } } },
    async (request) => updateTemplate(ctx(request), request.params.id, { version: request.body.version, active: false }),
  );
  r.post(
    '/api/v1/checklist-templates/:id/activate',
    { config: checklists, schema: { tags: admin, params: idParams, body: versionBody, response: { 200: templateView } } },
    async (request) => updateTemplate(ctx(request), request.params.id, { version: request.body.version, active: true }),
  );
};
