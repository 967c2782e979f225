import { z } from 'zod';
import { Id, NonEmptyText, Timestamp } from '../common.schema';

/**
 * A signal (signaal): another organisation's file holds a child of this family too (the same BSN), and the two care
 * teams share no organisation. Modelled on the Verwijsindex match, but it is Gezinsplan's own: each side learns only
 * how to reach the other side's coordinator, never anything of the other file. Each side's coordinator receives it.
 */
export const signalStatuses = ['open', 'joined', 'declined', 'lapsed'] as const;
export const SignalStatus = z.enum(signalStatuses);
export type SignalStatus = z.infer<typeof SignalStatus>;

/** After this long without a change a signal is no longer shown, and the retention job destroys it. */
export const SIGNAL_INACTIVE_YEARS = 2;

export const signalActions = ['propose-team', 'accept-team', 'decline'] as const;
export type SignalAction = (typeof signalActions)[number];

/** Whose step it was, from the reader's side: `me` is the reader's own file, `other` the other file. */
const Side = z.enum(['me', 'other']);

/** The other side's coordinator: contact details, nothing more. */
export const SignalContact = z.object({
  name: z.string(),
  organisationName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});
export type SignalContact = z.infer<typeof SignalContact>;

export const Signal = z.object({
  id: Id,
  /** Always 'gezinsplan': this is not a Verwijsindex match. */
  source: z.literal('gezinsplan'),
  status: SignalStatus,
  /** The reader's own file, and which of its members match (ids only). */
  mine: z.object({ familyId: Id, memberIds: z.array(Id) }),
  other: SignalContact.nullable(),
  proposal: z.object({ by: Side, at: Timestamp }).nullable(),
  /** Joined or declined; the reason only when the reader's side wrote it. */
  resolution: z.object({ by: Side.nullable(), at: Timestamp, reason: z.string().nullable() }).nullable(),
  history: z.array(z.object({ event: z.string(), by: Side.nullable(), at: Timestamp })),
  allowedActions: z.array(z.enum(signalActions)),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  /** When it stops being shown, unless something happens before then. */
  activeUntil: Timestamp,
});
export type Signal = z.infer<typeof Signal>;

export const DeclineSignal = z.strictObject({
  /** Why one care team is not needed (required); kept with the signal and shown to the own side only. */
  reason: NonEmptyText(1000),
});
export type DeclineSignal = z.infer<typeof DeclineSignal>;
