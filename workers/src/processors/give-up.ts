import { pipelineLink, type LinkTransitions, type PipelineLink } from '@link-archive/link-domain';
import type { WorkerDeps } from '../worker-deps';

/**
 * For a crawl or tag job BullMQ gave up on without the processor (stalled out, or an error outside its
 * handling): the link, if still at that step of that generation, ends FAILED with the reason.
 */
export const giveUpLink =
  (deps: WorkerDeps, links: LinkTransitions, at: PipelineLink['status'][]) =>
  async ({ linkId, generation }: { linkId: string; generation: number }, code: string) => {
    const link = await pipelineLink(deps.db, linkId);
    if (link && !link.deleted && link.generation === generation && at.includes(link.status)) {
      await links.fail(link, code);
    }
  };
