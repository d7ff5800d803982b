/** A feed item known only by id and time (ms): what timelines and big accounts' kept lists hold. */
export interface Candidate {
  id: string;
  at: number;
}

/** Whether `a` comes before `b` in newest-first order, the id breaking ties as the cursors do. */
export const newerThan = (a: Candidate, b: Candidate) => a.at > b.at || (a.at === b.at && a.id > b.id);

/** Index of the first entry after `cursor` in a newest-first list (binary search). */
export function firstAfter(entries: readonly Candidate[], cursor: Candidate | null): number {
  if (!cursor) return 0;
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newerThan(cursor, entries[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One newest-first source of candidates being merged. */
export interface CandidateSource {
  entries: Candidate[];
  next: number;
  /** No further entries exist beyond `entries` (a timeline read to its end, a big account's complete list). */
  complete: boolean;
}

/**
 * Picks candidates newest first across several newest-first sources, each id once. Answers `null` when every
 * source is used up, and `'unknown'` when an incomplete source runs out before the others: what comes next is
 * not in memory.
 */
export function pickNewest(sources: CandidateSource[], seen: Set<string>): Candidate | null | 'unknown' {
  for (;;) {
    let best: CandidateSource | null = null;
    for (const source of sources) {
      const head = source.entries[source.next];
      if (!head) {
        if (!source.complete) return 'unknown';
        continue;
      }
      if (!best || newerThan(head, best.entries[best.next]!)) best = source;
    }
    if (!best) return null;
    const picked = best.entries[best.next++]!;
    if (seen.has(picked.id)) continue;
    seen.add(picked.id);
    return picked;
  }
}
