import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from './node-flags';
import { repoRoot } from './paths';

// docker-compose.yml and the Dockerfile cannot import the list, so they repeat it: this keeps the copies equal
describe('the gateway V8 flags', () => {
  const flags = NODE_FLAGS.gateway!;

  it('are the ones docker-compose.yml starts the gateway with', () => {
    const compose = readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8');
    const command = [`'node'`, ...flags.map((f) => `'${f}'`), `'gateway/dist/index.js'`].join(', ');
    expect(compose).toContain(`command: [${command}]`);
  });

  it("are the ones of the Dockerfile's default command", () => {
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const command = ['"node"', ...flags.map((f) => `"${f}"`), '"gateway/dist/index.js"'].join(', ');
    expect(dockerfile).toContain(`CMD [${command}]`);
  });
});
