import i18n from './i18n';

// Making an Intl.DateTimeFormat costs far more than using one, and a page formats dozens of dates (a timeline of
// fifty entries): one per language and style, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'date' | 'moment'): Intl.DateTimeFormat {
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const key = `${locale} ${style}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, style === 'date'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    formatters.set(key, made);
  }
  return made;
}

/** A date as people read it: "3 maart 2027" / "3 March 2027". */
export function formatDate(iso: string): string {
  return formatter('date').format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

/** A moment: "3 maart 2027, 14:05". */
export function formatMoment(iso: string): string {
  return formatter('moment').format(new Date(iso));
}
