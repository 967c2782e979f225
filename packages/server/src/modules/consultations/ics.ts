/**
 * A small iCalendar (RFC 5545) writer for consultation invitations and the personal feed. It writes only what we
 * need: VCALENDAR with VEVENTs, text escaped (§3.3.11), parameter values quoted (§3.2), lines folded at 75 octets
 * without splitting a UTF-8 character (§3.1), CRLF line ends. What it writes leaves the system (calendar apps, mail),
 * so callers put no family names or plan content in it.
 */

export interface IcsPerson { name: string; email: string }

export interface IcsEvent {
  uid: string;
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  /** When this version of the event was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  organiser: IcsPerson;
  attendees: readonly IcsPerson[];
}

/** Text values: backslash, semicolon and comma escaped, newlines as \n (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN=…): always quoted; a double quote cannot appear inside, and line breaks have no place. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** UTC date-time form: 20261210T130000Z. */
export function icsDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation line holds a space and 74 more.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function mailto(email: string): string {
  return `mailto:${email.replace(/[\s"<>]/g, '')}`;
}

function eventLines(e: IcsEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `STATUS:${e.status}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `URL:${e.url}`,
    `ORGANIZER;CN=${paramValue(e.organiser.name)}:${mailto(e.organiser.email)}`,
    ...e.attendees.map((a) => `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(a.email)}`),
    'END:VEVENT',
  ];
}

/**
 * A whole calendar object. `method` REQUEST or CANCEL for one invitation (RFC 5546), none for a subscribed feed
 * (a feed is published, not sent).
 */
export function icsCalendar(events: readonly IcsEvent[], options: { method?: 'REQUEST' | 'CANCEL'; name?: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gezinsplan//Gezamenlijk consult//NL',
    'CALSCALE:GREGORIAN',
    ...(options.method ? [`METHOD:${options.method}`] : []),
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
