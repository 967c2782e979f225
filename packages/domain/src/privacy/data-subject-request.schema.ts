import { z } from 'zod';
import { Id, IsoDate, Text, Timestamp } from '../common.schema';

/**
 * Data-subject requests (AVG art. 15 and 17) as the privacy officer records them: a copy of everything about a member,
 * or erasure. Rectification needs no request type: it goes through the normal edit paths, audited like any change.
 */
export const dataSubjectRequestKinds = ['export', 'erasure'] as const;
export const DataSubjectRequestKind = z.enum(dataSubjectRequestKinds);

export const RecordDataSubjectRequest = z.strictObject({
  familyId: Id,
  /** The member the data is about. */
  memberId: Id,
  kind: DataSubjectRequestKind,
  /** The member who asked (the person themselves, or a parent with gezag for a child). */
  requestedBy: Id,
  /** The day the written request came in. */
  receivedOn: IsoDate,
  note: Text(2000).optional(),
});
export type RecordDataSubjectRequest = z.infer<typeof RecordDataSubjectRequest>;

export const DataSubjectRequestStatus = z.enum(['scheduled', 'completed']);

export const DataSubjectRequest = z.object({
  id: Id,
  familyId: Id,
  memberId: Id,
  kind: DataSubjectRequestKind,
  requestedBy: Id,
  receivedOn: IsoDate,
  note: z.string().nullable(),
  status: DataSubjectRequestStatus,
  /** Erasure: the day the file may be destroyed (the end of the legal retention period, or today). */
  dueOn: IsoDate.nullable(),
  recordedBy: z.object({ id: Id, name: z.string() }),
  recordedAt: Timestamp,
  completedAt: Timestamp.nullable(),
});
export type DataSubjectRequest = z.infer<typeof DataSubjectRequest>;

/** Youth-care and medical files are kept 20 years after care ends (Jeugdwet 7.3.10, WGBO 7:454; domain-notes §6.5). */
export const RETENTION_YEARS = 20;

/**
 * The day a closed file may be destroyed. A file that never held care (no plan was ever made: an application that
 * went no further) falls under no retention period, so it may go at once.
 */
export function retentionEndsOn(closedOn: string, heldCare: boolean): string {
  if (!heldCare) return closedOn;
  const [y, m, d] = closedOn.split('-');
  const day = `${Number(y) + RETENTION_YEARS}-${m}-${d}`;
  // 29 February twenty years on may not exist: the file is kept until 1 March then.
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
    ? `${Number(y) + RETENTION_YEARS}-03-01` : day;
}
