import i18n from './i18n';

/** A date as people read it: "3 maart 2027" / "3 March 2027". */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A moment: "3 maart 2027, 14:05". */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
