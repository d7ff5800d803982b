/** A LIKE pattern matching what starts with `text` (its own %, _ and \ taken literally). */
import { escapeLike } from '@link-archive/core';

export const likePrefix = (text: string) => `${escapeLike(text)}%`;
