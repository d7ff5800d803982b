import { createLogger, onShutdown } from '@link-archive/core';
import { loadEnvironment } from './environment';
import { selectProcessors } from './registry';
import { shutdownBudgetMs } from './shutdown-budget';
import { createWorkerDeps } from './worker-deps';

const logger = createLogger('workers');
try {
  const env = loadEnvironment();
  const deps = createWorkerDeps(env);
  const selected = selectProcessors(env.WORKERS);
  const workers = selected.flatMap((p) => p.start(deps));
  logger.info(
    { processors: selected.map((p) => p.name), queues: workers.map((w) => w.name) },
    'workers running',
  );
  // SIGTERM/SIGINT: stop taking jobs, let running ones finish, then close the stores
  onShutdown(
    logger,
    async () => {
      await Promise.all(workers.map((w) => w.close()));
      await deps.close();
    },
    shutdownBudgetMs(env),
  );
} catch (err) {
  logger.fatal({ err }, 'workers failed to start');
  process.exit(1);
}
