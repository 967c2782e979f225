import { z } from 'zod';
import type { AnyRoute } from './define-route';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s,
  }));
}

const problem = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });

/**
 * The OpenAPI 3.1 contract, generated from the same zod schemas that validate requests, so the document
 * cannot drift from what the server accepts.
 */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const isPublic = route.kind === 'public';
    const who = route.kind === 'family'
      ? `Family permission \`${route.access.family}\`, decided by the gate; audited as ${route.access.action} \`${route.access.event}\`. A family you may not see answers 404.`
      : route.kind === 'public' ? `Public: ${route.access.public}.`
        : route.kind === 'account' ? `Any signed-in professional or family member: ${route.access.account}.`
          : `Requires \`${route.access.permission}\` (professionals only).`;
    const responses: Record<string, unknown> = {
      [String(route.response?.status ?? 200)]: route.response
        ? { description: route.response.description ?? 'Success', content: { [route.response.mediaType ?? 'application/json']: { schema: schemaOf(route.response.schema, 'output') } } }
        : { description: 'Success' },
      400: problemResponse('Invalid input; `errors` points at each invalid field'),
      ...(isPublic ? {} : { 401: problemResponse('Not signed in'), 403: problemResponse('Role not allowed, or CSRF token missing') }),
      ...(route.kind === 'family' ? { 404: problemResponse('No such family, or not visible to you') } : {}),
      ...(route.ifMatch ? { 412: problemResponse('Stale version'), 428: problemResponse('If-Match missing') } : {}),
      ...(route.method === 'POST' ? { 409: problemResponse('Conflict, or Idempotency-Key in progress'), 422: problemResponse('Cannot be carried out') } : {}),
      503: problemResponse('Database or audit log unavailable'),
    };
    const headers: unknown[] = [];
    if (route.ifMatch) headers.push({ name: 'If-Match', in: 'header', required: route.ifMatch === 'required', schema: { type: 'string' } });
    if (route.method === 'POST') headers.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } });
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      description: who,
      tags: [route.tag],
      ...(isPublic ? { security: [] } : {}),
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query'), ...headers],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gezinsplan API',
      version,
      description: 'One family, one plan. Every read and write of family data passes one access gate and is audited (NEN 7513).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'gp_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Required on every state-changing request' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            code: { type: 'string' }, instance: { type: 'string' }, correlationId: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, detail: { type: 'string' } } } },
          },
        },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
