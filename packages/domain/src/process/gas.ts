import { z } from 'zod';

/**
 * Goal Attainment Scaling (domain-notes §3.3): each goal is scored −2 (much less than expected) … 0 (the expected
 * level) … +2 (much better than expected). The plain-language labels live in the web app's i18n, not here.
 */
export const gasScores = [-2, -1, 0, 1, 2] as const;
export const GasScore = z.literal(gasScores);
export type GasScore = z.infer<typeof GasScore>;

/** The assumed intercorrelation of one person's goal scores; 0.3 is the value usually assumed (Turner-Stokes 2009). */
export const GAS_DEFAULT_RHO = 0.3;

export interface GasGoalScore {
  score: GasScore;
  /** Importance × difficulty, or any positive number; 1 when left out. */
  weight?: number;
}

/**
 * The GAS T-score over one evaluation's goals (Kiresuk & Sherman 1968; Turner-Stokes 2009, Clin Rehabil 23:362):
 *
 *   T = 50 + 10·Σ(wᵢxᵢ) / √[(1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²]
 *
 * 50 means the goals were met as expected, with a standard deviation of 10. It lets evaluations with different
 * numbers of goals be compared over time. Returns null when there are no goals (no score, rather than 50).
 * The number is exact: rounding is the display's business, so trends and averages are not built on rounded values.
 * Throws a RangeError on a score outside −2…+2, a weight that is not a positive finite number, or ρ outside 0…1.
 */
export function gasTScore(goals: readonly GasGoalScore[], rho: number = GAS_DEFAULT_RHO): number | null {
  if (!(rho >= 0 && rho <= 1)) throw new RangeError(`rho must be between 0 and 1, got ${rho}`);
  if (goals.length === 0) return null;
  let weighted = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (const { score, weight = 1 } of goals) {
    if (!GasScore.safeParse(score).success) throw new RangeError(`a GAS score is one of −2…+2, got ${score}`);
    if (!(Number.isFinite(weight) && weight > 0)) throw new RangeError(`a GAS weight must be positive, got ${weight}`);
    weighted += weight * score;
    sumWeights += weight;
    sumSquaredWeights += weight * weight;
  }
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumSquaredWeights + rho * sumWeights * sumWeights);
}
