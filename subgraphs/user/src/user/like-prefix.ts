/** A LIKE pattern matching what starts with `text` (its own %, _ and \ taken literally). */
export const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
