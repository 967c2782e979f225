import type { signalsNl } from './signals.nl';

/** Signals, in English. */
export const signalsEn: typeof signalsNl = {
  title: 'Signals',
  intro: 'This is a signal from Gezinsplan itself. It is not a Verwijsindex match. Another organisation also works with a child of a family you coordinate. You only see how to reach the coordinator there, nothing of their file. Get in touch and agree together who does what.',
  heading: 'Another organisation also works with a child of this family', badge: 'Gezinsplan signal',
  contact: 'Get in touch with {{name}} ({{organisation}}).', email: 'E-mail', phone: 'Phone', noContact: 'The other organisation has no coordinator at the moment.',
  propose: 'Propose one team', proposeHint: 'This asks the other coordinator to join your team around this family.',
  accept: 'Yes, I will join their team', decline: 'Record why not',
  proposedByMe: 'You proposed to form one team together. You are waiting for an answer.',
  proposedByOther: '{{name}} asks whether you will join the other organisation’s team. Then you work together in one team.',
  reason: 'Why is one team not needed?', reasonHint: 'Write nothing about the family itself. For example: "We called and divided the tasks."',
  reasonRequired: 'Write down why one team is not needed.', saveReason: 'Save reason', cancel: 'Back',
  proposed: 'Your proposal is waiting for the other coordinator.', joined: 'You are now on one team together.', declined: 'The reason is recorded. The signal is dealt with.',
  activeUntil: 'If nothing else happens, this signal disappears on {{date}}.',
  notice: 'There is an open signal: another organisation also works with a child of this family.', toMyWork: 'See it in My work',
};
