/**
 * Close matches for a model name the catalogue does not know (`prompt-cost prices show gpt-4-o` → `gpt-4o`):
 * edit distance against each id and its last path segment, so `claude-sonet-4-5` finds `claude-sonnet-4-5`
 * and `bedrock/claude-sonnet-4-5` alike, and a name that is part of ids (`sonnet`) finds them too.
 */

const MAX_SUGGESTIONS = 5;

export function closeModelNames(query: string, known: readonly string[], limit = MAX_SUGGESTIONS): string[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { id: string; score: number }[] = [];
  for (const id of known) {
    const lower = id.toLowerCase();
    const last = lower.slice(lower.lastIndexOf('/') + 1);
    const distance = Math.min(editDistance(wanted, lower, allowed), editDistance(wanted, last, allowed));
    if (distance <= allowed) scored.push({ id, score: distance });
    // A fragment of the name (`sonnet`, `4o-mini`) ranks after every near spelling.
    else if (wanted.length >= 3 && lower.includes(wanted)) scored.push({ id, score: allowed + 1 });
  }
  // Near first, then the vendor's own id (no routing prefix) before resellers', then shorter.
  scored.sort((a, b) => a.score - b.score || Number(a.id.includes('/')) - Number(b.id.includes('/')) || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.id);
}

/** Levenshtein distance, or `cap + 1` as soon as it must exceed `cap` (most ids are far from the query). */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length];
}
