import { z } from 'zod';
import { Id, Timestamp } from '../common.schema';

/** NEN 7513 EventActionCode: create, read, update, delete, execute. */
export const AuditAction = z.enum(['C', 'R', 'U', 'D', 'E']);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditOutcome = z.enum(['success', 'denied', 'failure']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditQuery = z.object({
  outcome: AuditOutcome.optional(),
});

/** One audit record as a coordinator or privacy officer sees it. */
export const AuditRecord = z.object({
  id: Id,
  occurredAt: Timestamp,
  action: AuditAction,
  eventType: z.string(),
  outcome: AuditOutcome,
  user: z.object({
    id: Id.nullable(),
    name: z.string().nullable(),
    roles: z.array(z.string()),
    organisationId: Id.nullable(),
    organisationName: z.string().nullable(),
    onBehalfOfUserId: Id.nullable(),
  }),
  object: z.object({
    familyId: Id.nullable(),
    memberId: Id.nullable(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
  }),
  accessPoint: z.object({ ip: z.string().nullable(), client: z.string().nullable() }),
  purpose: z.string(),
  /** NEN 7513 "controles": authorisation, care relationship, consent, emergency, as T/F. */
  checks: z.string().regex(/^[TF]{4}$/),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
