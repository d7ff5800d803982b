/**
 * A fixed piece of single-core work (serializing and parsing a feed page's worth of JSON), timed before and after
 * a benchmark. The virtual machines this runs on change speed from minute to minute (on one idle machine, a fixed
 * piece of JSON work took from 0.92 to 1.35 s within ten minutes): the probe tells a reader comparing two runs
 * whether the machine or the code moved.
 */
import { percentile } from './bench-client';

const PAGE = {
  edges: Array.from({ length: 40 }, (_, i) => ({
    cursor: `${'c'.repeat(48)}${i}`,
    node: {
      id: `${'0'.repeat(35)}${i}`,
      kind: 'LINK_SAVED',
      createdAt: 1_764_000_000_000 + i,
      link: { id: `l${i}` },
    },
  })),
};
const ROUNDS = 8_000;
const RUNS = 3;

/** Milliseconds for the fixed work, the median of three runs (lower is faster). */
export function speedProbe(): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    let edges = 0;
    for (let i = 0; i < ROUNDS; i++) edges += (JSON.parse(JSON.stringify(PAGE)) as typeof PAGE).edges.length;
    if (edges !== ROUNDS * PAGE.edges.length) throw new Error('speed probe miscounted');
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    0.5,
  );
}
