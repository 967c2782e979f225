import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';

/** A life-domain code must name an active domain of the catalogue. */
export async function assertLifeDomains(db: Db, codes: readonly string[], pointer: string): Promise<void> {
  if (codes.length === 0) return;
  const rows = await db.selectFrom('life_domains').select('code').where('code', 'in', [...codes]).where('active', '=', true).execute();
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new AppError('UNPROCESSABLE', 'Unknown life domain; see GET /api/v1/catalogues/life-domains.',
      unknown.map((c) => ({ pointer, detail: `unknown life domain "${c}"` })));
  }
}

export function assertLifeDomain(db: Db, code: string, pointer: string): Promise<void> {
  return assertLifeDomains(db, [code], pointer);
}
