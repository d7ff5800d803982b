import type { Worker } from 'bullmq';
import type { WorkersEnvironment } from './environment';

/** A processor this process can run: its name (as in WORKERS=) and how to start its BullMQ worker. */
export interface ProcessorDefinition {
  name: string;
  start: (env: WorkersEnvironment) => Worker;
}

/** The link pipeline's processors (crawl, tag, thumbnail, …) register here as they arrive. */
export const processors: ProcessorDefinition[] = [];

export function selectProcessors(wanted: string): ProcessorDefinition[] {
  const names = wanted
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !processors.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown processors in WORKERS: ${unknown.join(', ')}`);
  return names.length ? processors.filter((p) => names.includes(p.name)) : processors;
}
