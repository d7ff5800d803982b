import { TagSource } from './link-enums';

export interface StoredTag {
  name: string;
  source: TagSource;
  confidence: number | null;
}

/** The owner's new choice of tags replaces their old one; machine tags they did not also choose stay. */
export function withUserTags(existing: StoredTag[], chosen: StoredTag[]): StoredTag[] {
  const chosenNames = new Set(chosen.map((t) => t.name));
  const machine = existing.filter((t) => t.source !== TagSource.USER && !chosenNames.has(t.name));
  return [...chosen, ...machine];
}

/** New machine tags replace the previous machine tags; the owner's own tags always stay and win. */
export function withMachineTags(existing: StoredTag[], machine: StoredTag[]): StoredTag[] {
  const owners = existing.filter((t) => t.source === TagSource.USER);
  const taken = new Set(owners.map((t) => t.name));
  return [...owners, ...machine.filter((t) => !taken.has(t.name))];
}
