import { z } from 'zod';
import { Id, IsoDate, PageQuery } from '../common.schema';
import { AuditOutcome } from '../audit/audit.schema';

/**
 * The privacy officer's search of the audit log: by person (family member), family, professional, organisation,
 * period and outcome. Dates are Dutch calendar days, both ends included.
 */
const filters = {
  familyId: Id.optional(),
  memberId: Id.optional(),
  userId: Id.optional(),
  organisationId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  outcome: AuditOutcome.optional(),
  /** Only accesses under break-the-glass. */
  emergency: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
};
const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

export const PrivacyAuditQuery = PageQuery.extend(filters).refine(periodInOrder, { message: 'from is after to', path: ['to'] });
export type PrivacyAuditQuery = z.infer<typeof PrivacyAuditQuery>;

/** The same search as a CSV file: up to 10,000 records, newest first (narrow the period for more). */
export const PRIVACY_CSV_MAX = 10_000;
export const PrivacyAuditCsvQuery = z.object({ ...filters, limit: z.coerce.number().int().min(1).max(PRIVACY_CSV_MAX).default(PRIVACY_CSV_MAX) })
  .refine(periodInOrder, { message: 'from is after to', path: ['to'] });
export type PrivacyAuditCsvQuery = z.infer<typeof PrivacyAuditCsvQuery>;
