/*
 * How the `q` parameter of listing searches matches, shared by the mocks and by the share board
 * (which filters live arrivals against the current search).
 */

/**
 * Folds text for search the way a French speaker expects: case, accents and ligatures do not
 * matter ("Velo" finds "Vélo", "coeur" finds "cœur"), and typographic apostrophes match '.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replace(/[’‘ʼ]/g, "'");
}

/** Every word of the query must appear somewhere in the haystack (title + description). */
export function matchesQuery(query: string | undefined, ...fields: string[]): boolean {
  const words = fold(query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(fields.join(' '));
  return words.every((w) => haystack.includes(w));
}
