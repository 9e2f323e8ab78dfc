import { contextOf, type RouteModule, zodRoutes } from '../../platform/deps.ts';
import { idParams } from '../../platform/schemas.ts';
import {
  createEmployeeBody,
  deactivateBody,
  employeePage,
  employeeView,
  listEmployeesQuery,
  reactivateBody,
  updateEmployeeBody,
} from './schemas.ts';
import { createEmployee, getEmployee, listEmployees, setEmployeeActive, updateEmployee } from './service.ts';

const tags = ['people'];

export const employeeRoutes: RouteModule = (app, deps) => {
  const r = zodRoutes(app);

  r.get(
    '/api/v1/employees',
    { config: { access: 'people.read' }, schema: { tags, querystring: listEmployeesQuery, response: { 200: employeePage } } },
    async (request) => listEmployees(contextOf(request, deps), request.query),
  );

  r.post(
    '/api/v1/employees',
    { config: { access: 'people.create' }, schema: { tags, body: createEmployeeBody, response: { 201: employeeView } } },
    async (request, reply) => reply.code(201).send(await createEmployee(contextOf(request, deps), request.body)),
  );

  r.get(
    '/api/v1/employees/:id',
    { config: { access: 'people.read' }, schema: { tags, params: idParams, response: { 200: employeeView } } },
    async (request) => getEmployee(contextOf(request, deps), request.params.id),
  );

  r.patch(
    '/api/v1/employees/:id',
    {
      config: { access: 'people.write' },
      schema: { tags, params: idParams, body: updateEmployeeBody, response: { 200: employeeView } },
    },
    async (request) => updateEmployee(contextOf(request, deps), request.params.id, request.body),
  );

  r.post(
    '/api/v1/employees/:id/deactivate',
    {
      config: { access: 'people.deactivate' },
      schema: { tags, params: idParams, body: deactivateBody, response: { 200: employeeView } },
    },
    async (request) => setEmployeeActive(contextOf(request, deps), request.params.id, request.body, false),
  );

  r.post(
    '/api/v1/employees/:id/reactivate',
    {
      config: { access: 'people.deactivate' },
      schema: { tags, params: idParams, body: reactivateBody, response: { 200: employeeView } },
    },
    async (request) => setEmployeeActive(contextOf(request, deps), request.params.id, request.body, true),
  );
};
