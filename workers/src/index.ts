import { createLogger, onShutdown } from '@link-archive/core';
import { loadEnvironment } from './environment';
import { selectProcessors } from './registry';

const logger = createLogger('workers');

try {
  const env = loadEnvironment();
  const workers = selectProcessors(env.WORKERS).map((p) => p.start(env));
  logger.info({ processors: workers.map((w) => w.name) }, 'workers running');
  // keeps the process alive even with no processors registered yet
  const idle = setInterval(() => {}, 1 << 30);
  onShutdown(logger, async () => {
    clearInterval(idle);
    await Promise.all(workers.map((w) => w.close()));
  });
} catch (err) {
  logger.fatal({ err }, 'workers failed to start');
  process.exit(1);
}
