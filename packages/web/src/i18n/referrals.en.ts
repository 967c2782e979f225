import type { referralsNl } from './referrals.nl';

/** English for referrals: the same keys as referrals.nl.ts (the type says so). */
export const referralsEn: typeof referralsNl = {
  title: 'Referrals', none: 'No referral has been made for this goal yet.', refer: 'Refer to another organisation', referTo: 'Refer: {{name}}',
  organisation: 'To which organisation?', service: 'Which service? (optional)', noService: 'No particular service',
  reason: 'Why do you refer? What is the question?', summary: 'What should the other organisation know? Only what the family wants to share.',
  includeWho: "Send the family's name and the first name and age of whom it is about", send: 'Send the referral', draft: 'Save as draft',
  sent: 'The referral has been sent to {{name}}.', drafted: 'The referral has been saved as a draft.',
  noConsent: 'The family has not (yet) agreed that {{name}} may see this. Record the consent with the family first, or share less.',
  status: {
    draft: 'Draft', requested: 'Sent, awaiting an answer', accepted: 'Accepted', rejected: 'Rejected', 'in-progress': 'Help has started',
    completed: 'Completed', cancelled: 'Withdrawn', failed: 'Did not work out',
  },
  action: {
    requested: 'Send', cancelled: 'Withdraw', accepted: 'Accept', rejected: 'Reject', 'in-progress': 'Help has started', completed: 'Complete', failed: 'Did not work out',
  },
  actionLabel: '{{action}}: referral to {{to}}', note: 'Note for the other side (optional)', overdue: 'No answer after 5 working days',
  from: 'From {{name}} ({{organisation}})', to: 'To {{organisation}}', history: 'History', historyItem: '{{status}} · {{by}} ({{organisation}})',
  inbox: 'Referrals to your organisation', inboxNone: 'There are no referrals to your organisation.', goal: 'Goal: {{title}}', who: 'For: {{who}}',
  whoItem: '{{name}} ({{age}} years)', familyName: 'Family: {{name}}', contact: 'Contact: {{email}}', openFile: 'To the family', changed: 'The referral is now: {{status}}.',
};
