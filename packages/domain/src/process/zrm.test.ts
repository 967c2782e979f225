import { describe, expect, it } from 'vitest';
import { viewsDiffer, ZrmLevel, zrmLevelNames, zrmLevels } from './zrm';

describe('ZRM levels', () => {
  it('names the five levels as the ZRM does, lowest first', () => {
    expect(zrmLevels.map((l) => zrmLevelNames[l].nl)).toEqual([
      'Acute problematiek', 'Niet zelfredzaam', 'Beperkt zelfredzaam', 'Voldoende zelfredzaam', 'Volledig zelfredzaam',
    ]);
    for (const l of zrmLevels) {
      expect(zrmLevelNames[l].plainNl.length).toBeGreaterThan(0);
      expect(zrmLevelNames[l].en.length).toBeGreaterThan(0);
    }
    expect(new Set(zrmLevels.map((l) => zrmLevelNames[l].plainNl)).size).toBe(5);
  });

  it('accepts only whole levels from 1 to 5', () => {
    expect(zrmLevels.every((l) => ZrmLevel.safeParse(l).success)).toBe(true);
    expect([0, 6, 2.5, '3', null].some((l) => ZrmLevel.safeParse(l).success)).toBe(false);
  });
});

describe('views that differ enough to talk about', () => {
  it('flags two levels apart or more, in either direction', () => {
    // Rows: the family's view 1…5; columns: the professional's view 1…5.
    const table = zrmLevels.map((a) => zrmLevels.map((b) => (viewsDiffer(a, b) ? 'x' : '.')).join(''));
    expect(table).toEqual([
      '..xxx',
      '...xx',
      'x...x',
      'xx...',
      'xxx..',
    ]);
  });

  it('flags the issue\'s example: the family says 4, the professional 2', () => {
    expect(viewsDiffer(4, 2)).toBe(true);
    expect(viewsDiffer(4, 3)).toBe(false);
  });
});
