import { z } from 'zod';
import { LifeDomainCode } from '../team/team.schema';

/**
 * Every piece of family data belongs to a category: a life domain (for assessments, goals, actions and notes about
 * that domain), or one of these. The category travels with the data so the gate can filter lists, not just items.
 */
export const fixedCategories = ['identity', 'plan-overview', 'team', 'safety'] as const;
export type FixedCategory = (typeof fixedCategories)[number];

/** A fixed category, or a life-domain code from the catalogue (checked against the catalogue by the server). */
export const DataCategory = z.union([z.enum(fixedCategories), LifeDomainCode]);
export type DataCategory = z.infer<typeof DataCategory>;

export const DataCategories = z.array(DataCategory).min(1).max(40).refine((c) => new Set(c).size === c.length, 'categories must be unique');

export function isFixedCategory(c: string): c is FixedCategory {
  return (fixedCategories as readonly string[]).includes(c);
}

/** What the fixed categories are called on a family's screen (B1). */
export const fixedCategoryPlainNl: Record<FixedCategory, string> = {
  identity: 'namen, geboortedata en contactgegevens',
  'plan-overview': 'de doelen in het plan (zonder notities)',
  team: 'wie er helpt',
  safety: 'veiligheid',
};
