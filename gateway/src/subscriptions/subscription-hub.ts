import type { ServiceMap } from '@apollo/gateway';
import {
  selectsOnlySharedFields,
  type ForwardedIdentity,
  type Logger,
  type SignedIdentity,
} from '@link-archive/core';
import {
  GraphQLError,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { Counter, Gauge } from 'prom-client';
import { createContext } from '../graphql/context';
import { completeEvent } from './event-executor';
import { PushQueue } from '@link-archive/core';
import { PublicCompletions, isPublicEvent } from './public-completions';
import { SharedPayload } from './shared-frames';
import type { PlannedSubscription, SubscriptionPlanner } from './subscription-planner';
import type { UpstreamSubscriptions } from './upstream';

type Mask = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
/** What a subscriber receives: errors already masked like every HTTP response's. */
export type Payload = FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>;

const upstreamGauge = new Gauge({
  name: 'gateway_subscription_upstreams',
  help: 'Upstream subscriptions this gateway holds at subgraphs (shared by identical subscribers)',
});
const subscriberGauge = new Gauge({
  name: 'gateway_subscribers',
  help: 'Client subscriptions this gateway serves',
});
/** Counted as a plain number and added at scrape time: ten thousand members' events in one tick stay cheap. */
let eventsSinceScrape = 0;
new Counter({
  name: 'gateway_subscription_events_total',
  help: 'Events received from subgraphs',
  collect() {
    this.inc(eventsSinceScrape);
    eventsSinceScrape = 0;
  },
});
const completionsCounter = new Counter({
  name: 'gateway_subscription_completions_total',
  help: 'Event completions run (entity fetches), one per distinct operation and entitlement per event',
});

export interface SubscribeRequest {
  document: DocumentNode;
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  identity: ForwardedIdentity;
}

/** Who may see what: subscribers whose identities agree on this see the same data. */
const entitlement = ({ viewer, partnerKeyId }: SignedIdentity) =>
  JSON.stringify([viewer?.userId, viewer?.role, viewer?.plan, viewer?.anonymous, partnerKeyId]);

/** Writes a payload, serialized once for all, straight onto the subscriber's socket (its transport frames it). */
export type FrameWriter = (payload: SharedPayload) => void;

/** One client subscription: its iterator (for graphql-ws' lifecycle) and, when the transport gives one, its writer. */
interface Subscriber {
  queue: PushQueue<Payload>;
  write: FrameWriter | undefined;
}

/** One client operation (text, variables) for one entitlement: each event is completed once for all of them. */
class SharedCompletion {
  readonly subscribers = new Set<Subscriber>();
  constructor(
    readonly key: string,
    readonly planned: PlannedSubscription,
    readonly variables: Record<string, unknown>,
    /** Selects nothing that depends on the viewer: a public event's payload is the same for every subscriber. */
    readonly viewerIndependent: boolean,
  ) {}
}

/** How a public event is completed: as a signed-out reader, who may see nothing any recipient may not. */
const PUBLIC_READER: ForwardedIdentity = {
  viewer: null,
  partnerKeyId: null,
  clientIp: 'gateway',
  requestId: 'subscription:public',
};

/** One upstream subscription (subgraph, primary operation, its variables, entitlement) and what it feeds. */
class SharedUpstream {
  readonly completions = new Map<string, SharedCompletion>();
  close: (() => void) | null = null;
  /** Settles when this upstream's events so far are delivered (null: they are): later ones wait for it. */
  busy: Promise<void> | null = null;
  constructor(readonly key: string) {}
}

/** A payload delivered to many subscribers is serialized once. */
const serializedPayloads = new WeakMap<Payload, SharedPayload>();
const serialize = (payload: Payload): SharedPayload => {
  let shared = serializedPayloads.get(payload);
  if (shared === undefined)
    serializedPayloads.set(payload, (shared = new SharedPayload(JSON.stringify(payload))));
  return shared;
};

/**
 * Federated subscriptions: each client subscription is planned, identical upstream subscriptions are opened
 * once, and each upstream event is completed (entity fetches to other subgraphs) once per distinct operation
 * and entitlement (once for everyone when the event is public and the operation reads the same for all), then
 * fanned out to every subscriber that shares it, in the order events arrive. A batch of events from a subgraph
 * starts every completion it needs before any is delivered, and a payload goes to thousands of sockets as one
 * serialized string.
 */
export class SubscriptionHub {
  private readonly upstreams = new Map<string, SharedUpstream>();
  private readonly publicCompletions = new PublicCompletions<Payload>();
  /** Deliveries waiting for one payload, made together when it is ready (one callback, not one per upstream). */
  private readonly awaiting = new Map<
    Promise<Payload>,
    { targets: [SharedUpstream, SharedCompletion][]; done: Promise<void> }
  >();

  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly upstream: UpstreamSubscriptions,
    private readonly services: ServiceMap,
    private readonly secret: string,
    private readonly mask: Mask,
    private readonly logger: Logger,
    private readonly bufferPerSubscriber = 100,
  ) {}

  /**
   * The subscriber's payloads: through the returned iterator, or, when `write` is given, straight to it (the
   * iterator then only ends, when the subscription does).
   */
  subscribe(request: SubscribeRequest, write?: FrameWriter): AsyncIterableIterator<Payload> {
    const planned = this.planner.plan(
      request.document,
      request.operationName,
      `${request.operationName ?? ''}\n${request.query}`,
    );
    const who = entitlement(request.identity);
    const primaryVariables = Object.fromEntries(
      (planned.primary.variableUsages ?? []).map((name) => [name, request.variables[name] ?? null]),
    );
    const upstreamKey = JSON.stringify([
      who,
      planned.primary.serviceName,
      planned.primary.operation,
      primaryVariables,
    ]);
    const completionKey = JSON.stringify([request.operationName, request.query, request.variables]);

    let upstream = this.upstreams.get(upstreamKey);
    if (!upstream) {
      upstream = new SharedUpstream(upstreamKey);
      this.upstreams.set(upstreamKey, upstream);
    }
    let completion = upstream.completions.get(completionKey);
    if (!completion) {
      completion = new SharedCompletion(
        completionKey,
        planned,
        request.variables,
        selectsOnlySharedFields(request.document),
      );
      upstream.completions.set(completionKey, completion);
    }
    const shared = { upstream, completion };
    const subscriber: Subscriber = {
      queue: new PushQueue(this.bufferPerSubscriber, () => this.leave(shared, subscriber)),
      write,
    };
    completion.subscribers.add(subscriber);
    subscriberGauge.inc();
    if (!upstream.close) this.open(upstream, planned, primaryVariables, request.identity);
    return subscriber.queue;
  }

  async close(): Promise<void> {
    for (const upstream of this.upstreams.values()) {
      for (const completion of upstream.completions.values())
        for (const subscriber of completion.subscribers) subscriber.queue.end();
      upstream.close?.();
    }
    this.upstreams.clear();
  }

  private open(
    upstream: SharedUpstream,
    planned: PlannedSubscription,
    variables: Record<string, unknown>,
    identity: ForwardedIdentity,
  ): void {
    const { viewer, partnerKeyId, clientIp } = identity;
    upstreamGauge.inc();
    let ended = false;
    const finish = (last?: Payload) => {
      if (ended) return;
      ended = true;
      upstream.close = null;
      upstreamGauge.dec();
      if (this.upstreams.get(upstream.key) === upstream) this.upstreams.delete(upstream.key);
      // after the events already on their way
      upstream.busy = (upstream.busy ?? Promise.resolve()).then(() => {
        for (const completion of upstream.completions.values()) {
          if (last) this.deliver(completion, last);
          for (const subscriber of completion.subscribers) subscriber.queue.end();
        }
      });
    };
    upstream.close = this.upstream.subscribe(
      planned.primary.serviceName,
      { query: planned.primary.operation, variables, operationName: planned.primary.operationName },
      { viewer, partnerKeyId, clientIp },
      {
        event: (event) => this.received(upstream, event, identity),
        fail: (err) => {
          // the subgraph refused the subscription (an `error` message) or the socket failed for good
          const errors = Array.isArray(err) ? (err as GraphQLFormattedError[]) : null;
          if (!errors) this.logger.error({ err }, 'upstream subscription failed');
          finish({
            errors: errors ?? [
              { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          });
        },
        end: () => finish(),
      },
    );
  }

  /**
   * One event of an upstream: its completion for every operation sharing the upstream starts now (a public
   * one shared with every other upstream receiving the same event), its delivery waits for the upstream's
   * earlier events.
   */
  private received(upstream: SharedUpstream, event: FormattedExecutionResult, identity: ForwardedIdentity) {
    eventsSinceScrape++;
    for (const completion of upstream.completions.values()) {
      const payload =
        completion.viewerIndependent && isPublicEvent(event)
          ? this.publicCompletions.get(completion.key, event, () =>
              this.complete(completion, event, PUBLIC_READER),
            )
          : this.complete(completion, event, identity);
      if (!upstream.busy) {
        upstream.busy = this.whenReady(payload, upstream, completion);
        continue;
      }
      // an earlier event of this upstream is still on its way: this one follows it
      const after = upstream.busy.then(() => payload).then((ready) => this.deliver(completion, ready));
      upstream.busy = after;
      void after.then(() => {
        if (upstream.busy === after) upstream.busy = null;
      });
    }
  }

  private whenReady(
    payload: Promise<Payload>,
    upstream: SharedUpstream,
    completion: SharedCompletion,
  ): Promise<void> {
    let group = this.awaiting.get(payload);
    if (!group) {
      const targets: [SharedUpstream, SharedCompletion][] = [];
      const done: Promise<void> = payload.then((ready) => {
        this.awaiting.delete(payload);
        for (const [, target] of targets) this.deliver(target, ready);
        for (const [waiting] of targets) if (waiting.busy === done) waiting.busy = null;
      });
      group = { targets, done };
      this.awaiting.set(payload, group);
    }
    group.targets.push([upstream, completion]);
    return group.done;
  }

  private deliver(completion: SharedCompletion, payload: Payload): void {
    let shared: SharedPayload | undefined;
    for (const subscriber of completion.subscribers) {
      if (subscriber.write) subscriber.write((shared ??= serialize(payload)));
      else subscriber.queue.push(payload);
    }
  }

  /** The client's payload for an event; never rejects (a failure is the payload's error). */
  private async complete(
    completion: SharedCompletion,
    event: FormattedExecutionResult,
    identity: ForwardedIdentity,
  ): Promise<Payload> {
    if (!event.data) return { errors: event.errors?.map((e) => this.maskOne(e)) };
    completionsCounter.inc();
    try {
      const result = await completeEvent(this.planner, this.services, completion.planned, event, {
        variables: completion.variables,
        context: createContext(identity, this.secret),
      });
      return {
        data: result.data as Payload['data'],
        ...(result.errors?.length && { errors: result.errors.map((e) => this.maskOne(e)) }),
      };
    } catch (err) {
      this.logger.error({ err }, 'subscription event completion failed');
      return {
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      };
    }
  }

  private maskOne(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
    const formatted = error instanceof GraphQLError ? error.toJSON() : error;
    return this.mask(formatted, error);
  }

  private leave(shared: { upstream: SharedUpstream; completion: SharedCompletion }, subscriber: Subscriber) {
    const { upstream, completion } = shared;
    if (!completion.subscribers.delete(subscriber)) return;
    subscriberGauge.dec();
    if (completion.subscribers.size === 0) upstream.completions.delete(completion.key);
    if (upstream.completions.size === 0) {
      if (this.upstreams.get(upstream.key) === upstream) this.upstreams.delete(upstream.key);
      const close = upstream.close;
      upstream.close = null;
      if (close) {
        upstreamGauge.dec();
        close();
      }
    }
  }
}
