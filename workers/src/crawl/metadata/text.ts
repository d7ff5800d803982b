import { decodeHTML } from 'entities';

/** Zero-width and other invisible characters that pages sprinkle into their metadata. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * A metadata value as the page wrote it: entities decoded (JSON-LD and some CMSes double-encode), whitespace
 * condensed, invisible characters dropped; quotes and other characters are kept exactly.
 */
export function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value;
  // a value may arrive encoded twice (&amp;#8217;): decode until it is stable, at most twice
  for (let i = 0; i < 2 && /&(#\d+|#x[\da-f]+|[a-z]+);/i.test(text); i++) text = decodeHTML(text);
  text = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return text || null;
}

/** Letters and digits only, lower case: for comparing names across their spellings. */
export const fold = (value: string) =>
  value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

export const words = (value: string) => value.split(/\s+/).filter(Boolean).length;
