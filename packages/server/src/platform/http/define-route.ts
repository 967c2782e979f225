import type { z } from 'zod';
import type { AuditAction, FamilyPermission, GlobalPermission } from '@gezinsplan/domain';
import type { AccountContext, RequestContext } from './request-context';
import type { FamilyScope } from '../access/gate';

type AnySchema = z.ZodType;
type Empty = z.ZodObject<Record<string, never>>;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The version from `If-Match`, when the route reads it. */
  ifMatch: number | null;
}

/** What a handler answers: a body, and a status when it is not 200. A body with a `version` gets an ETag. */
export interface RouteResult {
  status?: number;
  body: unknown;
  /** For answers that are not JSON (a CSV export): the media type, and a file name to save it as. */
  download?: { mediaType: string; fileName: string };
}

interface RouteBase<P extends AnySchema, Q extends AnySchema, B extends AnySchema> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify-style path, e.g. `/api/v1/families/:familyId/goals`. */
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success response, for the OpenAPI document. */
  response?: { status: number; schema: AnySchema; description?: string; mediaType?: string };
  /** Updates require `If-Match` (428 without); deletes may send it. */
  ifMatch?: 'required' | 'optional';
  /** Extra Fastify route config, e.g. a stricter rate limit. */
  config?: Record<string, unknown>;
}

/** A route outside any family, guarded by a role-held permission. */
export interface GlobalRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>
  extends RouteBase<P, Q, B> {
  kind: 'global';
  access: { permission: GlobalPermission };
  handler: (ctx: RequestContext, input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>, http: HttpSide) => Promise<RouteResult>;
}

/** A route about the caller's own account (sign out, who am I, my notifications): any signed-in person may call it. */
export interface AccountRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>
  extends RouteBase<P, Q, B> {
  kind: 'account';
  access: { account: string };
  /** Open to a session still waiting for its second factor (or its set-up): the sign-in steps themselves. */
  duringSignIn?: boolean;
  handler: (ctx: AccountContext, input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>, http: HttpSide) => Promise<RouteResult>;
}

/** A route anyone may call; `access.public` says why that is safe. */
export interface PublicRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>
  extends RouteBase<P, Q, B> {
  kind: 'public';
  access: { public: string };
  handler: (ctx: PublicContext, input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>, http: HttpSide) => Promise<RouteResult>;
}

/** A route on one family's file. It can only run behind the gate, which decides and audits it. */
export interface FamilyRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>
  extends RouteBase<P, Q, B> {
  kind: 'family';
  access: { family: FamilyPermission; action: AuditAction; resource: string; event: string };
  handler: (scope: FamilyScope, input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<RouteResult>;
}

/** The little of HTTP that the auth routes need (cookies); everything else stays in the platform. */
export interface HttpSide {
  setCookie(name: string, value: string, options: { maxAgeSeconds?: number; clear?: boolean }): void;
  cookie(name: string): string | undefined;
}

export type PublicContext = Omit<AccountContext, 'actor'> & { actor: AccountContext['actor'] | null };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = GlobalRoute<any, any, any> | PublicRoute<any, any, any> | FamilyRoute<any, any, any> | AccountRoute<any, any, any>;

/** Declares a public route; the reason it may be public is part of its declaration. */
export function definePublicRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>(
  spec: Omit<PublicRoute<P, Q, B>, 'kind'>,
): PublicRoute<P, Q, B> {
  return { ...spec, kind: 'public' };
}

/** Declares a route about the caller's own account; `access.account` says what it does with it. */
export function defineAccountRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>(
  spec: Omit<AccountRoute<P, Q, B>, 'kind'>,
): AccountRoute<P, Q, B> {
  return { ...spec, kind: 'account' };
}

/** Declares a route outside any family. `access` is required by the type: every route says who may call it. */
export function defineRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>(
  spec: Omit<GlobalRoute<P, Q, B>, 'kind'>,
): GlobalRoute<P, Q, B> {
  return { ...spec, kind: 'global' };
}

/** Declares a route on a family's file; its handler receives the gate's scope, never the bare database. */
export function defineFamilyRoute<P extends AnySchema = Empty, Q extends AnySchema = Empty, B extends AnySchema = Empty>(
  spec: Omit<FamilyRoute<P, Q, B>, 'kind'>,
): FamilyRoute<P, Q, B> {
  return { ...spec, kind: 'family' };
}
