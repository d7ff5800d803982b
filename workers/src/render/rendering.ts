import type { WorkerDeps } from '../worker-deps';
import { findChromium } from './chromium';

let told = false;

/**
 * The Chromium this worker process renders with, or null; without one the system works as before (pages are
 * read from their HTML as served) and says so once per process.
 */
export function renderingChromium(deps: WorkerDeps): string | null {
  const path = findChromium(deps.env.CHROMIUM_PATH);
  if (!path && !told) {
    told = true;
    deps.logger.warn(
      { CHROMIUM_PATH: deps.env.CHROMIUM_PATH ?? null },
      'no Chromium installed: pages that need a browser are read from their HTML as served (apt install chromium, or set CHROMIUM_PATH)',
    );
  }
  return path;
}
