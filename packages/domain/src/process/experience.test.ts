import { describe, expect, it } from 'vitest';
import { ExperienceQuestionCode, experienceQuestions, ExperienceScore } from './experience';

describe('the family\'s experience questions', () => {
  it('holds the issue\'s three statements word for word, first', () => {
    expect(experienceQuestions.slice(0, 3).map((q) => q.nl)).toEqual([
      'Ik werd serieus genomen',
      'De hulp past bij wat wij nodig hebben',
      'Ik hoefde mijn verhaal maar één keer te vertellen',
    ]);
  });

  it('gives every statement a unique, stable code, both languages and a source', () => {
    const codes = experienceQuestions.map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^[a-z][a-z-]+$/.test(c))).toBe(true);
    for (const q of experienceQuestions) {
      expect([q.nl, q.en, q.source].every((t) => t.trim().length > 0)).toBe(true);
    }
    expect(codes.every((c) => ExperienceQuestionCode.safeParse(c).success)).toBe(true);
    expect(ExperienceQuestionCode.safeParse('made-up').success).toBe(false);
  });

  it('scores 1 to 5 in whole steps', () => {
    expect([1, 2, 3, 4, 5].every((s) => ExperienceScore.safeParse(s).success)).toBe(true);
    expect([0, 6, 3.5, '4'].some((s) => ExperienceScore.safeParse(s).success)).toBe(false);
  });
});
