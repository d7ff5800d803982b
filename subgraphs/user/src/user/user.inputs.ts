import { badInput } from '@link-archive/core';

export const MAX_DISPLAY_NAME = 80;
export const MAX_BIO = 500;

/** Trims free text, turns empty into null, and enforces a length cap. */
export function optionalText(field: string, value: string | null | undefined, max: number) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}
