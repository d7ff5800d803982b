import { LIVE_AUDIENCE_EXTENSION } from '@link-archive/core';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import type { BaseContext } from '../context';

type Mask = (formatted: GraphQLFormattedError, error: GraphQLError) => GraphQLFormattedError;

interface Executed {
  result: FormattedExecutionResult;
  /** A resolver said the event reads the same for every recipient. */
  isPublic: boolean;
}

/** The first execution of one operation for one event, and who waits for it. */
interface SharedExecution {
  done: Executed | null;
  waiting: ((executed: Executed) => void)[];
}

/**
 * Executions by source event (the object a subscription's stream yielded) and operation: when many members
 * receive the same event object and their operation selects nothing that depends on the reader, the first
 * member's execution serves them all if a resolver marked the event public; the others wait for it in one list
 * (not a promise each), so ten thousand recipients cost one execution and one loop.
 */
const sharedExecutions = new WeakMap<object, Map<string, SharedExecution>>();

/** A stream that hands its values to a listener as they come (PushQueue), instead of one next() each. */
interface ListenableStream {
  listen(listener: (value: unknown) => void): void;
}
const isListenable = (stream: object): stream is ListenableStream =>
  typeof (stream as Partial<ListenableStream>).listen === 'function';

/** The result as the gateway receives it: errors masked, the event's audience in its extensions. */
function formatted(
  result: ExecutionResult,
  audience: string | undefined,
  mask: Mask,
): FormattedExecutionResult {
  return {
    data: result.data,
    ...(result.errors && { errors: result.errors.map((e) => mask(e.toJSON(), e)) }),
    ...(audience && !result.errors && { extensions: { [LIVE_AUDIENCE_EXTENSION]: audience } }),
  };
}

/**
 * A member subscription: its own source stream (so the subgraph still decides, per subscriber, which events it
 * receives), each event executed (or its shared execution reused) and handed to `deliver` instead of being sent
 * as a message of its own. To graphql-ws it is an iterator that yields nothing and ends when the source does or
 * when the gateway completes the subscription, which stops the source stream.
 */
export async function memberStream(
  args: ExecutionArgs,
  options: { operationKey: string; shareable: boolean; mask: Mask; onError: (err: unknown) => void },
  deliver: (result: FormattedExecutionResult) => void,
): Promise<AsyncIterableIterator<never> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = stream as AsyncIterator<unknown> & AsyncIterable<unknown>;
  const context = args.contextValue as BaseContext;
  let stopped = false;

  const run = async (event: unknown): Promise<Executed> => {
    context.liveAudience = undefined;
    const result = await execute({ ...args, rootValue: event });
    const audience = context.liveAudience;
    context.liveAudience = undefined;
    return { result: formatted(result, audience, options.mask), isPublic: audience === 'public' };
  };
  const ownRun = (event: unknown) =>
    run(event).then(
      (executed) => !stopped && deliver(executed.result),
      (err) => options.onError(err),
    );
  const reuse = (event: unknown) => (executed: Executed) => {
    if (stopped) return;
    if (executed.isPublic && !executed.result.errors) deliver(executed.result);
    else void ownRun(event);
  };
  const onEvent = (event: unknown): void => {
    if (stopped) return;
    if (!options.shareable || typeof event !== 'object' || event === null) return void ownRun(event);
    let byOperation = sharedExecutions.get(event);
    if (!byOperation) sharedExecutions.set(event, (byOperation = new Map()));
    const shared = byOperation.get(options.operationKey);
    if (shared?.done) return reuse(event)(shared.done);
    if (shared) return void shared.waiting.push(reuse(event));
    const mine: SharedExecution = { done: null, waiting: [] };
    byOperation.set(options.operationKey, mine);
    run(event).then(
      (executed) => {
        mine.done = executed;
        if (!stopped) deliver(executed.result);
        for (const waiter of mine.waiting.splice(0)) waiter(executed);
      },
      (err) => {
        byOperation.delete(options.operationKey);
        options.onError(err);
        for (const waiter of mine.waiting.splice(0)) waiter({ result: { errors: [] }, isPublic: false });
      },
    );
  };

  let ended!: () => void;
  const finished = new Promise<void>((resolve) => (ended = resolve));
  void (async () => {
    try {
      if (isListenable(source)) {
        source.listen(onEvent);
        await source.next(); // resolves when the stream ends
      } else {
        for await (const event of source) onEvent(event);
      }
    } catch (err) {
      options.onError(err);
    } finally {
      ended();
    }
  })();

  // a source suspended inside its own await ends at its next step: ending is not waited for
  const stop = (): Promise<IteratorResult<never>> => {
    stopped = true;
    void source.return?.();
    ended();
    return Promise.resolve({ value: undefined, done: true });
  };
  const dormant: AsyncIterableIterator<never> = {
    next: () => finished.then(() => ({ value: undefined, done: true }) as const),
    return: stop,
    [Symbol.asyncIterator]: () => dormant,
  };
  return dormant;
}
