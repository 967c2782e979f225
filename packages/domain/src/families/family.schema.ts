import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, SearchText, Text, Timestamp, Version } from '../common.schema';
import { isValidBsn } from '../rules/bsn';

/** The phases of a family's process (1Gezin1Plan1Regisseur), in order. */
export const familyPhases = ['aanmelding', 'intake', 'plan', 'uitvoering', 'evaluatie', 'afgesloten'] as const;
export const FamilyPhase = z.enum(familyPhases);
export type FamilyPhase = z.infer<typeof FamilyPhase>;

export const memberRoles = ['parent', 'child', 'other'] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const Bsn = z.string().trim().refine(isValidBsn, 'not a valid BSN (9 digits, elfproef)');

const birthDate = IsoDate.refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'birth date out of range');

export const CreateMember = z.strictObject({
  givenName: NonEmptyText(100),
  familyName: NonEmptyText(100),
  birthDate,
  role: MemberRole,
  hasCustody: z.boolean().default(false),
  bsn: Bsn.optional(),
});
export type CreateMember = z.infer<typeof CreateMember>;

export const UpdateMember = z.strictObject({
  givenName: NonEmptyText(100).optional(),
  familyName: NonEmptyText(100).optional(),
  birthDate: birthDate.optional(),
  role: MemberRole.optional(),
  hasCustody: z.boolean().optional(),
  bsn: Bsn.nullable().optional(),
});
export type UpdateMember = z.infer<typeof UpdateMember>;

/** A member as lists show it: never the BSN itself, only whether one is known. */
export const MemberSummary = z.object({
  id: Id,
  familyId: Id,
  givenName: z.string(),
  familyName: z.string(),
  birthDate: IsoDate,
  role: MemberRole,
  hasCustody: z.boolean(),
  hasBsn: z.boolean(),
  version: Version,
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const MemberDetail = MemberSummary.extend({ bsn: z.string().nullable() });

export const CreateSupporter = z.strictObject({
  name: NonEmptyText(200),
  relation: NonEmptyText(100),
  contact: Text(200).optional(),
});
export type CreateSupporter = z.infer<typeof CreateSupporter>;

export const Supporter = z.object({
  id: Id,
  familyId: Id,
  name: z.string(),
  relation: z.string(),
  contact: z.string().nullable(),
  version: Version,
});

/** A family starts at aanmelding; from there it moves through the phases one step at a time (POST …/phase). */
export const CreateFamily = z.strictObject({
  name: NonEmptyText(200),
  members: z.array(CreateMember).max(30).default([]),
});
export type CreateFamily = z.infer<typeof CreateFamily>;

export const UpdateFamily = z.strictObject({
  name: NonEmptyText(200).optional(),
});
export type UpdateFamily = z.infer<typeof UpdateFamily>;

export const FamilyQuery = z.object({
  q: SearchText.optional(),
  phase: FamilyPhase.optional(),
});

/** A family's name is identity data: null where the family has not consented to share it with your organisation. */
const FamilyName = z.string().nullable();

export const Family = z.object({
  id: Id,
  name: FamilyName,
  phase: FamilyPhase,
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  coordinator: z.object({ userId: Id, name: z.string(), organisationName: z.string() }).nullable(),
  allowedActions: z.array(z.string()),
  /** When the signed-in professional last opened this file before now; null the first time, and for family members. */
  myLastVisitAt: Timestamp.nullable(),
});
export type Family = z.infer<typeof Family>;

/** One line of a professional's caseload. */
export const CaseloadItem = z.object({
  id: Id,
  name: FamilyName,
  phase: FamilyPhase,
  myRole: z.string(),
  coordinator: z.object({ userId: Id, name: z.string(), organisationName: z.string() }).nullable(),
  openActions: z.int(),
  updatedAt: Timestamp,
  /** When I last opened the file; null if I never have. */
  myLastVisitAt: Timestamp.nullable(),
  /**
   * What others added to the timeline since my last visit (or since I joined the team, if I never opened it), as far
   * as I may see it; counted up to 50.
   */
  changesSinceMyVisit: z.int(),
  /** The next joint evaluation while help is under way, and whether it is overdue or due soon. */
  nextEvaluationOn: IsoDate.nullable(),
  evaluationStatus: z.enum(['overdue', 'due', 'planned']).nullable(),
});
