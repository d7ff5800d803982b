/**
 * One canonical key per tag: case-folded, NFKC, letters and digits of any script only, so "Ad Tech",
 * "#adtech" and "ad-tech" are one tag. Shared by the link subgraph (owner's tags) and the taggers.
 */
export function tagKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
