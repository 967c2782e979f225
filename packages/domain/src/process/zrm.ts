import { z } from 'zod';

/**
 * The Zelfredzaamheid-Matrix (ZRM 2017, GGD Amsterdam) scores self-reliance per life domain on five ordinal levels,
 * one level per domain, no half scores (domain-notes §3.1).
 */
export const zrmLevels = [1, 2, 3, 4, 5] as const;
export const ZrmLevel = z.literal(zrmLevels);
export type ZrmLevel = z.infer<typeof ZrmLevel>;

export interface ZrmLevelName {
  /** The ZRM's own name for the level. */
  nl: string;
  /** Plain Dutch (B1) for families; our wording, not the ZRM's. */
  plainNl: string;
  en: string;
}

/** The level names, kept as data so the assessment form, the radar chart and the printed plan say the same. */
export const zrmLevelNames: Readonly<Record<ZrmLevel, ZrmLevelName>> = {
  1: { nl: 'Acute problematiek', plainNl: 'Het gaat nu helemaal niet', en: 'Acute problems' },
  2: { nl: 'Niet zelfredzaam', plainNl: 'Het lukt nu niet zonder hulp', en: 'Not self-reliant' },
  3: { nl: 'Beperkt zelfredzaam', plainNl: 'Een deel lukt, nog niet alles', en: 'Limited self-reliance' },
  4: { nl: 'Voldoende zelfredzaam', plainNl: 'Het gaat goed genoeg', en: 'Sufficiently self-reliant' },
  5: { nl: 'Volledig zelfredzaam', plainNl: 'Het gaat goed, ook zonder hulp', en: 'Fully self-reliant' },
};

/** How many levels apart two views must be before we flag them; see `viewsDiffer`. */
export const ZRM_VIEWS_DIFFER_AT = 2;

/**
 * Whether the family's view and a professional's view of one domain differ enough to talk about (issue 5: views are
 * kept side by side and the difference is highlighted). Two levels or more is our product choice, not a ZRM rule:
 * one level apart is ordinary disagreement on an ordinal scale; two levels means the views tell different stories.
 */
export function viewsDiffer(a: ZrmLevel, b: ZrmLevel): boolean {
  return Math.abs(a - b) >= ZRM_VIEWS_DIFFER_AT;
}
