import { badInput, tagKey } from '@link-archive/core';
import { TagSource } from '../link/link.enums';
import type { Tag } from './tag';

export const MAX_TAGS_PER_LINK = 20;
export const MAX_TAG_LENGTH = 50;

/** The owner's tags from input: normalized, deduplicated, capped; invalid ones are a typed error. */
export function userTags(raw: string[]): Tag[] {
  if (raw.length > MAX_TAGS_PER_LINK) throw badInput('tags', `at most ${MAX_TAGS_PER_LINK} tags per link`);
  const seen = new Map<string, Tag>();
  for (const value of raw) {
    if (value.length > MAX_TAG_LENGTH * 2)
      throw badInput('tags', `a tag must be at most ${MAX_TAG_LENGTH} characters`);
    const name = tagKey(value);
    if (!name) throw badInput('tags', `"${value.slice(0, 60)}" is not a valid tag`);
    if (name.length > MAX_TAG_LENGTH)
      throw badInput('tags', `a tag must be at most ${MAX_TAG_LENGTH} characters`);
    seen.set(name, { name, source: TagSource.USER, confidence: null });
  }
  return [...seen.values()];
}

export { withUserTags } from '@link-archive/link-domain';
