import { crawlProcessor } from './processors/crawl.processor';
import { faviconProcessor } from './processors/favicon.processor';
import { relayProcessor } from './processors/relay.processor';
import { renderProcessor } from './processors/render.processor';
import { reviewAnalysisProcessor } from './processors/review-analysis.processor';
import { scheduleProcessor } from './processors/schedule.processor';
import { tagProcessor } from './processors/tag.processor';
import { thumbnailProcessor } from './processors/thumbnail.processor';
import { uploadProcessor } from './processors/upload.processor';
import type { WorkerDeps } from './worker-deps';

/** Something a processor runs until shutdown: a BullMQ worker, or the outbox relay. */
export interface Running {
  name: string;
  close: () => Promise<void>;
}

/** A processor this process can run: its name (as in WORKERS=) and how to start it. */
export interface ProcessorDefinition {
  name: string;
  start: (deps: WorkerDeps) => Running[];
}

export const processors: ProcessorDefinition[] = [
  crawlProcessor,
  renderProcessor,
  tagProcessor,
  thumbnailProcessor,
  faviconProcessor,
  uploadProcessor,
  reviewAnalysisProcessor,
  scheduleProcessor,
  relayProcessor,
];

export function selectProcessors(wanted: string): ProcessorDefinition[] {
  const names = wanted
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !processors.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown processors in WORKERS: ${unknown.join(', ')}`);
  return names.length ? processors.filter((p) => names.includes(p.name)) : processors;
}
