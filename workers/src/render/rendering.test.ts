import { createLogger } from '@link-archive/core';
import { describe, expect, it } from 'vitest';
import type { WorkerDeps } from '../worker-deps';
import { findChromium } from './chromium';
import { renderingChromium } from './rendering';

describe('rendering without Chromium', () => {
  it('finds no browser where CHROMIUM_PATH points at nothing, and says so once per process', () => {
    expect(findChromium('/nonexistent/chromium')).toBeNull();
    const warnings: string[] = [];
    const logger = createLogger('rendering-test', 'silent');
    logger.warn = ((_: unknown, message: string) => void warnings.push(message)) as typeof logger.warn;
    const deps = { env: { CHROMIUM_PATH: '/nonexistent/chromium' }, logger } as unknown as WorkerDeps;
    expect(renderingChromium(deps)).toBeNull();
    expect(renderingChromium(deps)).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /no Chromium installed: pages that need a browser are read from their HTML as served/,
    );
  });
});
