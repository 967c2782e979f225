import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Open Referral's own HSDS 3.0 JSON schemas (../shared/schemas/hsds-3.0), which refer to each other by file name. */
export const HSDS_DIR = path.resolve(import.meta.dirname, '../../../shared/schemas/hsds-3.0');

/**
 * A validator per HSDS object ("service", "organization", …), from the published schemas as they are. They carry
 * keywords of the Frictionless data package (`name`, `core`, `constraints`, `example`) that JSON Schema ignores, so
 * strict mode is off; formats (uuid, email, uri, date-time) are checked.
 */
export function hsdsValidators(): (object: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const file of readdirSync(HSDS_DIR).filter((f) => f.endsWith('.json') && !f.startsWith('compiled-'))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(HSDS_DIR, file), 'utf8')) as object, file);
  }
  return (object) => ajv.getSchema(`${object}.json`)!;
}
