import { join } from 'node:path';

/** The repository root, found from this package's compiled location (packages/devstack/dist). */
export const repoRoot = join(__dirname, '..', '..', '..');
export const dataDir = (...parts: string[]) =>
  join(process.env.DATA_DIR ?? join(repoRoot, '.data'), ...parts);
