import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GasScore, gasScores, gasTScore, type GasGoalScore } from './gas';

const unweighted = (...scores: GasScore[]): GasGoalScore[] => scores.map((score) => ({ score }));

describe('GAS T-score, worked examples computed by hand (ρ = 0.3 unless said)', () => {
  it('is 50 when the goals balance out or sit at the expected level', () => {
    // +1, 0, −1, weights 1: Σwx = 1 + 0 − 1 = 0, so T = 50 + 0 = 50 whatever the denominator.
    expect(gasTScore(unweighted(1, 0, -1))).toBe(50);
    // 0, 0: Σwx = 0, so T = 50.
    expect(gasTScore(unweighted(0, 0))).toBe(50);
  });

  it('gives 70 for one goal at +2, whatever its weight', () => {
    // w = 1: Σwx = 2; Σw² = 1; (Σw)² = 1; √(0.7·1 + 0.3·1) = √1 = 1; T = 50 + 10·2/1 = 70.
    expect(gasTScore(unweighted(2))).toBe(70);
    // w = 5: Σwx = 10; Σw² = 25; (Σw)² = 25; √(0.7·25 + 0.3·25) = √25 = 5; T = 50 + 10·10/5 = 70.
    expect(gasTScore([{ score: 2, weight: 5 }])).toBeCloseTo(70, 10);
  });

  it('gives 68.26 for three goals at +1, +1, +2', () => {
    // Σwx = 1 + 1 + 2 = 4; Σw² = 3; (Σw)² = 9; 0.7·3 + 0.3·9 = 2.1 + 2.7 = 4.8;
    // T = 50 + 40/√4.8 = 50 + 40/2.19089 = 50 + 18.2574 = 68.2574.
    expect(gasTScore(unweighted(1, 1, 2))).toBeCloseTo(68.2574, 4);
  });

  it('weighs goals: +1 with weight 3 and −1 with weight 1 gives 55.82', () => {
    // Σwx = 3·1 + 1·(−1) = 2; Σw² = 9 + 1 = 10; (Σw)² = 4² = 16; 0.7·10 + 0.3·16 = 7 + 4.8 = 11.8;
    // T = 50 + 20/√11.8 = 50 + 20/3.43511 = 50 + 5.8222 = 55.8222.
    expect(gasTScore([{ score: 1, weight: 3 }, { score: -1, weight: 1 }])).toBeCloseTo(55.8222, 4);
  });

  it('takes another ρ: −1 and −2 with ρ = 0 give 28.79', () => {
    // Σwx = −3; √((1 − 0)·2 + 0·4) = √2 = 1.41421; T = 50 − 30/1.41421 = 50 − 21.2132 = 28.7868.
    expect(gasTScore(unweighted(-1, -2), 0)).toBeCloseTo(28.7868, 4);
  });

  it('has no score without goals', () => {
    expect(gasTScore([])).toBeNull();
  });

  it('refuses scores off the scale, weights that are not positive and ρ outside 0…1', () => {
    expect(() => gasTScore([{ score: 3 as GasScore }])).toThrow(RangeError);
    expect(() => gasTScore([{ score: 0.5 as GasScore }])).toThrow(RangeError);
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => gasTScore([{ score: 1, weight }])).toThrow(RangeError);
    }
    for (const rho of [-0.1, 1.1, Number.NaN]) expect(() => gasTScore(unweighted(1), rho)).toThrow(RangeError);
  });

  it('validates scores as whole numbers from −2 to +2', () => {
    expect(gasScores.map((s) => GasScore.safeParse(s).success)).toEqual([true, true, true, true, true]);
    expect([-3, 3, 0.5, '1'].map((s) => GasScore.safeParse(s).success)).toEqual([false, false, false, false]);
  });
});

describe('GAS T-score properties', () => {
  const weight = fc.option(fc.double({ min: 0.1, max: 100, noNaN: true }), { nil: undefined });
  const goal = fc.record({ score: fc.constantFrom(...gasScores), weight });
  const goals = fc.array(goal, { minLength: 1, maxLength: 8 });
  const rho = fc.double({ min: 0, max: 1, noNaN: true });

  it('is 50 when every goal is met at the expected level', () => {
    fc.assert(fc.property(fc.array(weight, { minLength: 1, maxLength: 8 }), rho, (weights, r) => {
      expect(gasTScore(weights.map((w) => ({ score: 0, weight: w })), r)).toBe(50);
    }));
  });

  it('rises when every score rises by one', () => {
    const lower = fc.record({ score: fc.constantFrom(-2, -1, 0, 1 as const), weight });
    fc.assert(fc.property(fc.array(lower, { minLength: 1, maxLength: 8 }), rho, (before, r) => {
      const after = before.map((g) => ({ ...g, score: (g.score + 1) as GasScore }));
      expect(gasTScore(after, r)!).toBeGreaterThan(gasTScore(before, r)!);
    }));
  });

  it('mirrors around 50 when every score is negated', () => {
    fc.assert(fc.property(goals, rho, (gs, r) => {
      const negated = gs.map((g) => ({ ...g, score: (0 - g.score) as GasScore }));
      expect(gasTScore(gs, r)! - 50).toBeCloseTo(50 - gasTScore(negated, r)!, 9);
    }));
  });

  it('depends on the weights only relative to each other', () => {
    fc.assert(fc.property(goals, fc.double({ min: 0.01, max: 100, noNaN: true }), (gs, k) => {
      const scaled = gs.map((g) => ({ ...g, weight: (g.weight ?? 1) * k }));
      expect(gasTScore(scaled)!).toBeCloseTo(gasTScore(gs)!, 9);
    }));
  });
});
