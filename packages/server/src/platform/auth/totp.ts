import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
const ISSUER = 'Gezinsplan';

/** A fresh shared secret: 160 bits, as RFC 4226 recommends, in base32 for authenticator apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// link an authenticator app reads from the QR code. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/**
 * Checks a six-digit code (RFC 6238: SHA-1, 30-second steps), allowing one step of clock drift either way. Answers
 * the time step it belongs to, or null; a step at or before `lastStep` was used already and is refused (no replay).
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const delta = totp(secret, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The current code for a secret: for scripted clients (the demo seed, tests), as an authenticator app would show it. */
export function totpCode(secret: string, at: Date = new Date()): string {
  return totp(secret, '').generate({ timestamp: at.getTime() });
}
