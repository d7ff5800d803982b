/**
 * V8 flags a process of the stack runs with beyond Node's defaults, by process name (docker-compose.yml and the
 * Dockerfile pass the same ones).
 *
 * The gateway: a response is merged from many subgraph answers and serialized, and nearly all of it dies within
 * its request; with many requests in flight, V8's default young generation (16 MB semi-spaces) fills before they
 * finish, so their objects are copied and promoted, and garbage collection was the top item of its CPU profile
 * (23 % on the federation benchmark's TestQuery). Larger semi-spaces collect less often, so fewer of the requests
 * in flight are copied more than once: 64 MB gave ~10 % less CPU per request under that benchmark's load, 128 MB
 * ~10 % less again (GC 4.4-4.6 s against 6.0-6.1 s in a 23 s run; alternated runs), for ~100 MB more resident
 * memory (563 MB against 424-490 MB there; 192 MB gave nothing more).
 * Collection on the main thread alone (`--single-threaded-gc`): a gateway process is given one core (replicas
 * scale it out), and there V8's parallel and concurrent collector threads only take turns with the main thread
 * and wait on each other; on the benchmark's core, 15-25 % less CPU per request (alternated runs, same load).
 */
export const NODE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  gateway: ['--max-semi-space-size=128', '--single-threaded-gc'],
};
