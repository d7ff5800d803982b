/**
 * V8 flags a process of the stack runs with beyond Node's defaults, by process name (docker-compose.yml and the
 * Dockerfile pass the same ones).
 *
 * The gateway: a response is merged from many subgraph answers and serialized, and nearly all of it dies within
 * its request; with many requests in flight, V8's default young generation (16 MB semi-spaces) fills before they
 * finish, so their objects are copied and promoted, and garbage collection was the top item of its CPU profile
 * (23 % on the federation benchmark's TestQuery). 64 MB semi-spaces let more of it die young: ~10 % less CPU per
 * request under that benchmark's load (alternated runs with and without), for up to 96 MB more memory at peak.
 * 128 MB cut another ~10 % there (GC 4.4-4.6 s against 6.0-6.1 s in a 23 s run) but each collection then paused
 * longer: the benchmark's p99 with deduplication on rose from 75-88 ms to 109-114 ms (alternated pairs). Not taken.
 * Collection on the main thread alone (`--single-threaded-gc`): a gateway process is given one core (replicas
 * scale it out), and there V8's parallel and concurrent collector threads only take turns with the main thread
 * and wait on each other; on the benchmark's core, 18-28 % less CPU per request (three alternated runs, same load).
 */
export const NODE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  gateway: ['--max-semi-space-size=64', '--single-threaded-gc'],
};
