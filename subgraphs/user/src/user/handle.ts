import { randomBytes } from 'node:crypto';
import { badInput } from '@link-archive/core';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

export const HANDLE_PATTERN = /^[a-z0-9_]{3,30}$/;
const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** Handles are case-insensitive: validated and stored lower-case. */
export function normalizeHandle(raw: string): string {
  const handle = raw.trim().toLowerCase();
  if (!HANDLE_PATTERN.test(handle)) {
    throw badInput('handle', 'handle must be 3-30 characters of a-z, 0-9 and _');
  }
  if (isProfane(handle)) {
    throw badInput('handle', 'handle is not allowed');
  }
  return handle;
}

// obscenity's transformers see through separators and leetspeak, so "bad_word" and "b4dword" match too
export const isProfane = (handle: string): boolean =>
  profanity.hasMatch(handle.replace(/_/g, ' ')) || profanity.hasMatch(handle);

/** A generated handle, drawn again when random hex happens to spell something ("a55…"). */
export function randomHandle(): string {
  for (;;) {
    const handle = `anon_${randomBytes(6).toString('hex')}`;
    if (!isProfane(handle)) return handle;
  }
}
