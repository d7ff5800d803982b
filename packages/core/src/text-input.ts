import { badInput } from './errors';

/**
 * Free text from a client: trimmed, at most `max` characters, no NUL (PostgreSQL text cannot hold it).
 * undefined stays undefined (not given), and empty becomes null (cleared).
 */
export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value.includes('\u0000')) throw badInput(field, `${field} must not contain NUL characters`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

/** Text taken literally inside a LIKE pattern (its %, _ and \ escaped). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Text safe as HTML content or an attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
