import { z } from 'zod';
import { parentsStudyCitation } from './collaboration-components';

/** One statement the family scores at a joint evaluation: how the help felt to them, in plain Dutch (B1). */
export interface ExperienceQuestion {
  /** Stable: answers are stored under it, so a rewording keeps the code. */
  code: string;
  nl: string;
  en: string;
  /** Where the statement comes from. */
  source: string;
}

const ceoJeugd = 'Cliëntervaringsonderzoek (CEO) Jeugd, the client-experience survey municipalities hold under the Jeugdwet';

/**
 * The family's experience set (issue 5): its three statements, then three grounded in the parents' key components of
 * integrated care (Nooteboom et al. 2020, domain-notes §1.2 C). Short on purpose: a family answers it every evaluation.
 */
export const experienceQuestions = [
  {
    code: 'taken-seriously', nl: 'Ik werd serieus genomen', en: 'I was taken seriously',
    source: `Issue 5; a typical item of the ${ceoJeugd} ("feeling taken seriously", domain-notes §8).`,
  },
  {
    code: 'help-fits-needs', nl: 'De hulp past bij wat wij nodig hebben', en: 'The help fits what we need',
    source: `Issue 5; a typical item of the ${ceoJeugd} ("help matching the question", domain-notes §8).`,
  },
  {
    code: 'told-story-once', nl: 'Ik hoefde mijn verhaal maar één keer te vertellen', en: 'I only had to tell my story once',
    source: 'Issue 5; the family-reported experience of coordination, a process measure of integration (domain-notes §8).',
  },
  {
    code: 'whole-family', nl: 'Er was aandacht voor ons hele gezin', en: 'There was attention for our whole family',
    source: `${parentsStudyCitation}. Key component 1: a holistic, family-centred approach.`,
  },
  {
    code: 'help-in-time', nl: 'Wij kregen op tijd hulp', en: 'We got help in time',
    source: `${parentsStudyCitation}. Key component 2: addressing a broad range of needs in a timely manner.`,
  },
  {
    code: 'decided-together', nl: 'Wij beslisten mee over de hulp', en: 'We had a say in the help',
    source: `${parentsStudyCitation}. Key component 3: shared decision making.`,
  },
] as const satisfies readonly ExperienceQuestion[];

export type ExperienceQuestionCode = (typeof experienceQuestions)[number]['code'];
export const ExperienceQuestionCode = z.enum(experienceQuestions.map((q) => q.code) as [ExperienceQuestionCode, ...ExperienceQuestionCode[]]);

/** 1 = not at all true for us … 5 = completely true; the words for each step are in the web app's i18n. */
export const experienceScores = [1, 2, 3, 4, 5] as const;
export const ExperienceScore = z.literal(experienceScores);
export type ExperienceScore = z.infer<typeof ExperienceScore>;
