/**
 * Searching the palette's lists: every word of the query must appear in one of an entry's searchable fields
 * (provider, code, city, country...), ignoring case and accents. Entries whose code or name starts with the
 * query come first.
 */

/** Lower case without accents, so "sao" finds "São Paulo". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The entries matching every word of `query`, best first; all of them (in their order) for an empty query. */
export function search<T>(entries: readonly T[], query: string, fields: (entry: T) => readonly string[], limit = Infinity): T[] {
  const words = fold(query).split(/[\s,:/]+/).filter(Boolean);
  if (words.length === 0) return entries.slice(0, limit);
  const scored: { entry: T; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const haystack = fields(entry).map(fold);
    let score = 0;
    for (const word of words) {
      let best = -1;
      for (const field of haystack) {
        if (field === word) best = Math.max(best, 3);
        else if (field.startsWith(word)) best = Math.max(best, 2);
        else if (field.includes(word)) best = Math.max(best, 1);
      }
      if (best < 0) return;
      score += best;
    }
    scored.push({ entry, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.entry);
}
