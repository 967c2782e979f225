/**
 * The Dutch citizen service number (BSN) passes the "elfproef": with digits d1..d9,
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11. All zeros is not a BSN.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** Show only the last three digits, for the rare screens where a professional must confirm a BSN. */
export function maskBsn(value: string): string {
  return `******${value.slice(-3)}`;
}
