/** The subgraphs of the supergraph and their default local URLs; docker and tests override the host/port. */
export const SUBGRAPHS = [
  { name: 'user', port: 4001 },
  { name: 'link', port: 4002 },
  { name: 'review', port: 4003 },
  { name: 'feed', port: 4004 },
  { name: 'media', port: 4005 },
] as const;
