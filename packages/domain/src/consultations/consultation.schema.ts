import { z } from 'zod';
import { Id, NonEmptyText, Text, Timestamp, Version } from '../common.schema';
import { actionFields, oneAssignee } from '../plan/plan.schema';
import { uniqueIds } from '../process/people.schema';

/**
 * Joint consultations (gezamenlijk consult, MDO; issue 6): the team and, where possible, the family meet about the
 * plan. Planned with a time, a place or video link, invitees and an agenda drawn from the plan; afterwards who came,
 * what was decided and which new actions go into the plan. Invitations leave the system as iCalendar (RFC 5545).
 */
export const consultationStatuses = ['planned', 'held', 'cancelled'] as const;
export const ConsultationStatus = z.enum(consultationStatuses);
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

/**
 * What an agenda item is about: a goal in focus, an overdue action, a goal whose help is still to be decided (its
 * options are on the table, no decision yet), or a free item of the organiser's.
 */
export const agendaItemKinds = ['goal', 'action', 'decision', 'free'] as const;
export const AgendaItemKind = z.enum(agendaItemKinds);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

/** An agenda item as planned: a reference into the plan (its title is taken from the plan), or a free item with its title. */
export const AgendaItemInput = z.strictObject({
  kind: AgendaItemKind,
  /** The goal (for `goal` and `decision`) or the action (for `action`). */
  refId: Id.optional(),
  /** Only for free items; plan items carry the plan's own title. */
  title: NonEmptyText(300).optional(),
}).refine((i) => (i.kind === 'free' ? i.title !== undefined && i.refId === undefined : i.refId !== undefined && i.title === undefined), {
  message: 'a free item has a title; a plan item names its goal or action (refId) and takes its title from the plan', path: ['refId'],
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export const AgendaItem = z.object({
  kind: AgendaItemKind,
  refId: Id.nullable(),
  /** The goal the item belongs to (for an action: its goal). */
  goalId: Id.nullable(),
  /** The title as it was when the item was put on the agenda. */
  title: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** Who is invited, or who attended: professionals of the team, family members, supporters (netwerk). */
export const ConsultationPeopleInput = z.strictObject({
  userIds: uniqueIds(30).default([]),
  memberIds: uniqueIds(30).default([]),
  supporterIds: uniqueIds(30).default([]),
});
export type ConsultationPeopleInput = z.infer<typeof ConsultationPeopleInput>;

/** A link a calendar app or browser can open: http(s) only. */
const VideoUrl = z.url({ protocol: /^https?$/ }).max(500);

const MAX_HOURS = 12;
const timesInOrder = (c: { startsAt?: string; endsAt?: string }) =>
  !c.startsAt || !c.endsAt || (Date.parse(c.endsAt) > Date.parse(c.startsAt) && Date.parse(c.endsAt) - Date.parse(c.startsAt) <= MAX_HOURS * 3_600_000);
const timesMessage = { message: `the consultation ends after it starts, within ${MAX_HOURS} hours`, path: ['endsAt'] };

export const CreateConsultation = z.strictObject({
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** Where: an address or a room. */
  location: Text(300).default(''),
  videoUrl: VideoUrl.optional(),
  invitees: ConsultationPeopleInput,
  /** Left out: the agenda is drawn from the plan (goals in focus, overdue actions, open decisions). */
  agenda: z.array(AgendaItemInput).max(30).optional(),
}).refine(timesInOrder, timesMessage)
  .refine((c) => c.location !== '' || c.videoUrl !== undefined, { message: 'give a place or a video link', path: ['location'] });
export type CreateConsultation = z.infer<typeof CreateConsultation>;

/** Reschedule or change a planned consultation (If-Match). A new time, place or set of invitees raises the invitation's SEQUENCE. */
export const UpdateConsultation = z.strictObject({
  startsAt: Timestamp.optional(),
  endsAt: Timestamp.optional(),
  location: Text(300).optional(),
  videoUrl: VideoUrl.nullable().optional(),
  invitees: ConsultationPeopleInput.optional(),
  agenda: z.array(AgendaItemInput).max(30).optional(),
}).refine(timesInOrder, timesMessage);
export type UpdateConsultation = z.infer<typeof UpdateConsultation>;

/** A decision taken in the consultation; about a goal, with options chosen, it is also recorded as a shared decision. */
export const ConsultationDecisionInput = z.strictObject({
  text: NonEmptyText(2000),
  goalId: Id.optional(),
  /** Help options of that goal the family and team chose together: the decision becomes a shared decision of the goal. */
  chosenOptionIds: uniqueIds(10).default([]),
}).refine((d) => d.chosenOptionIds.length === 0 || d.goalId !== undefined, { message: 'options belong to a goal: name the goal', path: ['goalId'] });

/** A new action agreed in the consultation: it becomes an action of the plan, on the chosen goal. */
export const ConsultationActionInput = z.strictObject({ goalId: Id, ...actionFields }).refine(...oneAssignee);

/** Afterwards: who attended, what was decided, which actions go into the plan. Recorded once. */
export const RecordConsultation = z.strictObject({
  attended: ConsultationPeopleInput,
  notes: Text(4000).default(''),
  decisions: z.array(ConsultationDecisionInput).max(20).default([]),
  actions: z.array(ConsultationActionInput).max(30).default([]),
});
export type RecordConsultation = z.infer<typeof RecordConsultation>;

export const CancelConsultation = z.strictObject({
  /** Why, for the team and the family to read in the file (never in the calendar). */
  reason: Text(500).default(''),
});
export type CancelConsultation = z.infer<typeof CancelConsultation>;

const Person = z.object({ id: Id, name: z.string(), attended: z.boolean().nullable() });
const Professional = z.object({ userId: Id, name: z.string(), organisationName: z.string(), attended: z.boolean().nullable() });

export const Consultation = z.object({
  id: Id,
  familyId: Id,
  status: ConsultationStatus,
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  videoUrl: z.string().nullable(),
  organiser: z.object({ userId: Id, name: z.string(), organisationName: z.string() }),
  /** Who is invited; `attended` once it is recorded (null before). Family members the reader may not see are left out. */
  invitees: z.object({ professionals: z.array(Professional), members: z.array(Person), supporters: z.array(Person) }),
  /** The agenda items the reader may see. */
  agenda: z.array(AgendaItem),
  record: z.object({
    recordedAt: Timestamp,
    notes: z.string(),
    decisions: z.array(z.object({ text: z.string(), goalId: Id.nullable(), sharedDecisionId: Id.nullable() })),
    /** The actions it put in the plan. */
    actions: z.array(z.object({ actionId: Id, goalId: Id, title: z.string() })),
  }).nullable(),
  cancelledAt: Timestamp.nullable(),
  cancelReason: z.string().nullable(),
  /** The iCalendar SEQUENCE of the invitation: raised by each reschedule and by cancelling. */
  sequence: z.int(),
  /** What the reader may do with it (the organiser and the coordinator change, record and cancel it). */
  allowedActions: z.array(z.enum(['update', 'record', 'cancel'])),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Consultation = z.infer<typeof Consultation>;

/** The agenda the plan suggests today, for the planning form to start from. */
export const AgendaProposal = z.object({ items: z.array(AgendaItem) });

/** A consultation I am invited to, for Mijn werk: the family's name only where its sharing allows. */
export const MyConsultation = z.object({
  id: Id,
  familyId: Id,
  familyName: z.string().nullable(),
  status: ConsultationStatus,
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  videoUrl: z.string().nullable(),
  organiserName: z.string(),
});
export type MyConsultation = z.infer<typeof MyConsultation>;

/** A new personal calendar feed link: shown once, since only its hash is kept. */
export const CalendarFeedToken = z.object({ token: z.string(), feedUrl: z.string(), createdAt: Timestamp });
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: Timestamp.nullable() });
/** The personal feed token: 24 random bytes, base64url. */
export const CALENDAR_FEED_TOKEN = /^[A-Za-z0-9_-]{32}$/;
export const CalendarFeedQuery = z.object({ token: z.string().regex(CALENDAR_FEED_TOKEN).optional() });
