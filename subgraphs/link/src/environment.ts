import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import type { z } from 'zod';

export const linkEnvironment = subgraphEnvironment(4002);
export type LinkEnvironment = z.infer<typeof linkEnvironment>;

export const loadEnvironment = (): LinkEnvironment => parseEnvironment(linkEnvironment);
