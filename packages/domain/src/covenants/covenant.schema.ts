import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, Timestamp, Version } from '../common.schema';
import { DataCategories } from '../consent/data-category';

export const covenantStatuses = ['proposed', 'active', 'rejected', 'ended'] as const;
export const CovenantStatus = z.enum(covenantStatuses);
export type CovenantStatus = z.infer<typeof CovenantStatus>;

export const ProposeCovenant = z.strictObject({
  partnerOrganisationId: Id,
  categories: DataCategories,
  purpose: NonEmptyText(1000),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
}).refine((c) => !c.validFrom || !c.validUntil || c.validUntil >= c.validFrom, { message: 'validUntil is before validFrom', path: ['validUntil'] });
export type ProposeCovenant = z.infer<typeof ProposeCovenant>;

export const CovenantQuery = z.object({ status: CovenantStatus.optional() });

export const Covenant = z.object({
  id: Id,
  proposer: z.object({ id: Id, name: z.string() }),
  partner: z.object({ id: Id, name: z.string() }),
  categories: z.array(z.string()),
  purpose: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  status: CovenantStatus,
  /** Active now: accepted, not ended, and today within its period. */
  inForce: z.boolean(),
  decidedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  version: Version,
  createdAt: Timestamp,
  allowedActions: z.array(z.enum(['accept', 'reject', 'end'])),
});
export type Covenant = z.infer<typeof Covenant>;

/** A covenant is in force on a day when it was accepted, has not ended, and the day lies within its period. */
export function covenantInForce(c: { status: CovenantStatus; validFrom: string; validUntil: string | null }, day: string): boolean {
  return c.status === 'active' && c.validFrom <= day && (c.validUntil === null || day <= c.validUntil);
}
