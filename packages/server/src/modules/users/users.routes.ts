import { CreateUser, Id, listOf, PageQuery, Professional, SearchText, User } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { createUser, listUsers, searchProfessionals } from './users.service';

export const usersRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/users', tag: 'users', summary: 'List user accounts (admins: all; org-admins: their organisation)',
    access: { permission: 'users:read' },
    query: PageQuery.extend({ organisationId: Id.optional() }),
    response: { status: 200, schema: listOf(User) },
    handler: async (ctx, { query }) => ({ body: await listUsers(ctx, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users', tag: 'users', summary: 'Create a user account',
    access: { permission: 'users:manage' },
    body: CreateUser,
    response: { status: 201, schema: User },
    handler: async (ctx, { body }) => ({ status: 201, body: await createUser(ctx, body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/directory/professionals', tag: 'users',
    summary: 'Find professionals of any organisation to add to a care team (names and organisations only)',
    access: { permission: 'directory:read' },
    query: PageQuery.extend({ q: SearchText.optional(), organisationId: Id.optional() }),
    response: { status: 200, schema: listOf(Professional) },
    handler: async (ctx, { query }) => ({ body: await searchProfessionals(ctx, query) }),
  }),
];
