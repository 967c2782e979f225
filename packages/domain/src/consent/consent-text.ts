/** Plain-language (B1) sentences about a consent, for the family: "De huisarts mag zien: …, tot 1 maart 2027." */
const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function dutchDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

/** Joins names the Dutch way: "a", "a en b", "a, b en c". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

export function describeConsent(who: string, categoryNames: readonly string[], validUntil: string | null): string {
  const until = validUntil ? `, tot ${dutchDate(validUntil)}` : '';
  return `${who} mag zien: ${dutchList(categoryNames.map((c) => c.toLowerCase()))}${until}.`;
}
