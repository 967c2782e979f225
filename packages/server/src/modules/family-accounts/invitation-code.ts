import { hashToken } from '../../platform/auth/sessions';
import { randomCode } from '../../platform/auth/random-code';

/** A fresh one-time code: 12 symbols of 5 bits, 60 bits of chance, shown as ABCD-EFGH-JKLM. */
export const newInvitationCode = (): { code: string; display: string } => randomCode(12, 4);

/** What is stored of a code (already normalised by the schema: upper case, no dashes). */
export const invitationCodeHash = (code: string): string => hashToken(`invitation:${code}`);
