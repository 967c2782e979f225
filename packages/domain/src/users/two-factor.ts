import { z } from 'zod';
import type { Role } from './user.schema';

/**
 * Roles that reach much at once (every account; the audit of whole organisations): they always sign in with a
 * second factor. An org-admin follows their organisation's setting, like its professionals.
 */
export const rolesRequiringTwoFactor: readonly Role[] = ['admin', 'privacy-officer'];

/**
 * Whether this person must use a second factor: admins and privacy officers always; everyone of an organisation
 * that requires it; a family member only if they turned it on themselves.
 */
export function twoFactorRequired(person: { kind: 'professional'; roles: readonly Role[]; organisationRequires: boolean } | { kind: 'family' }): boolean {
  if (person.kind === 'family') return false;
  return person.organisationRequires || person.roles.some((r) => rolesRequiringTwoFactor.includes(r));
}

/**
 * Where a session stands with the second factor: not needed, waiting for the code, waiting for the person to set it
 * up (required but not yet enrolled), or passed.
 */
export const secondFactorStates = ['not-needed', 'pending', 'enrolment-required', 'verified'] as const;
export const SecondFactorState = z.enum(secondFactorStates);
export type SecondFactorState = z.infer<typeof SecondFactorState>;

export const RECOVERY_CODE_COUNT = 10;

/** Six digits from the app, or one of the recovery codes (ten letters and digits, dashes and case ignored). */
export const TotpCode = z.string().trim().regex(/^\d{6}$/, 'six digits');
export const RecoveryCode = z.string().trim().min(10).max(20)
  .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .refine((c) => c.length === 10, 'a recovery code has 10 letters and digits');

export const SecondFactorAnswer = z.strictObject({
  code: TotpCode.optional(),
  recoveryCode: RecoveryCode.optional(),
}).refine((a) => (a.code === undefined) !== (a.recoveryCode === undefined), { message: 'give exactly one of code and recoveryCode', path: ['code'] });
export type SecondFactorAnswer = z.infer<typeof SecondFactorAnswer>;

export const ConfirmCode = z.strictObject({ code: TotpCode });

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.int(),
});

/** Shown once, to put in an authenticator app: the secret as text, as an otpauth:// link, and as a QR code (SVG). */
export const TwoFactorEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});

/** Shown once, to keep somewhere safe: each works one time instead of a code from the app. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
