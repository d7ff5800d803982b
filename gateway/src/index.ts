import { createLogger, onShutdown } from '@link-archive/core';
import { startGateway } from './app';
import { loadEnvironment } from './environment';

const logger = createLogger('gateway');

Promise.resolve()
  .then(() => startGateway(loadEnvironment()))
  .then((gateway) => onShutdown(logger, gateway.close))
  .catch((err) => {
    logger.fatal({ err }, 'gateway failed to start');
    process.exit(1);
  });
