import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read out or typed (no I, O, 0, 1): 5 bits each. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code for people to type, and the same in groups (`ABCD-EFGH-JKLM`) to show. */
export function randomCode(length: number, group: number): { code: string; display: string } {
  let code = '';
  for (let i = 0; i < length; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return { code, display: code.match(new RegExp(`.{1,${group}}`, 'g'))!.join('-') };
}
