import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout. Written asynchronously: lines logged while a write is in flight go out together in the
 * next one (one syscall for many lines under load, at once when idle), instead of a blocking write per line;
 * pino flushes what is pending when the process exits.
 */
let stdout: ReturnType<typeof pino.destination> | null = null;
/** One stdout destination per process, so the lines of its several loggers never interleave mid-line. */
const sharedStdout = () => (stdout ??= pino.destination({ dest: 1, sync: false }));

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers["x-api-key"]', '*.password', '*.refreshToken'],
      },
    },
    sharedStdout(),
  );
}
