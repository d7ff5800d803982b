import type { ServiceMap } from '@apollo/gateway';
import type { ForwardedIdentity, Logger, SignedIdentity } from '@link-archive/core';
import {
  GraphQLError,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { Counter, Gauge } from 'prom-client';
import { createContext } from '../graphql/context';
import { completeEvent } from './event-executor';
import { PushQueue } from './push-queue';
import { PublicCompletions, isPublicEvent, selectsOnlySharedFields } from './public-completions';
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
const eventsCounter = new Counter({
  name: 'gateway_subscription_events_total',
  help: 'Events received from subgraphs',
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

/** One client operation (text, variables) for one entitlement: each event is completed once for all of them. */
class SharedCompletion {
  readonly sinks = new Set<PushQueue<Payload>>();
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
  iterator: AsyncIterableIterator<FormattedExecutionResult> | null = null;
  constructor(readonly key: string) {}
}

/**
 * Federated subscriptions: each client subscription is planned, identical upstream subscriptions are opened
 * once, and each upstream event is completed (entity fetches to other subgraphs) once per distinct operation
 * and entitlement, then fanned out to every subscriber that shares them, in the order events arrive.
 */
export class SubscriptionHub {
  private readonly upstreams = new Map<string, SharedUpstream>();
  private readonly publicCompletions = new PublicCompletions<Payload>();

  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly upstream: UpstreamSubscriptions,
    private readonly services: ServiceMap,
    private readonly secret: string,
    private readonly mask: Mask,
    private readonly logger: Logger,
    private readonly bufferPerSubscriber = 100,
  ) {}

  subscribe(request: SubscribeRequest): AsyncIterableIterator<Payload> {
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
    const sink: PushQueue<Payload> = new PushQueue(this.bufferPerSubscriber, () => this.leave(shared, sink));
    completion.sinks.add(sink);
    subscriberGauge.inc();
    if (!upstream.iterator) this.open(upstream, planned, primaryVariables, request.identity);
    return sink;
  }

  async close(): Promise<void> {
    for (const upstream of this.upstreams.values()) {
      for (const completion of upstream.completions.values()) for (const sink of completion.sinks) sink.end();
      await upstream.iterator?.return?.();
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
    const iterator = this.upstream.subscribe(
      planned.primary.serviceName,
      { query: planned.primary.operation, variables, operationName: planned.primary.operationName },
      { viewer, partnerKeyId, clientIp },
    );
    upstream.iterator = iterator;
    upstreamGauge.inc();
    void this.pump(upstream, iterator, identity).finally(() => {
      upstreamGauge.dec();
      if (this.upstreams.get(upstream.key) === upstream) this.upstreams.delete(upstream.key);
      for (const completion of upstream.completions.values()) for (const sink of completion.sinks) sink.end();
    });
  }

  /** Events in arrival order; each is completed for every operation sharing this upstream before the next. */
  private async pump(
    upstream: SharedUpstream,
    iterator: AsyncIterableIterator<FormattedExecutionResult>,
    identity: ForwardedIdentity,
  ): Promise<void> {
    try {
      for await (const event of iterator) {
        eventsCounter.inc();
        await Promise.all(
          [...upstream.completions.values()].map(async (completion) => {
            // an event every subscriber may see in full, for an operation that reads the same for everyone, is
            // completed once for all the subscriptions that receive it, whoever they are
            const payload =
              completion.viewerIndependent && isPublicEvent(event)
                ? await this.publicCompletions.get(completion.key, event, () =>
                    this.complete(completion, event, PUBLIC_READER),
                  )
                : await this.complete(completion, event, identity);
            for (const sink of completion.sinks) sink.push(payload);
          }),
        );
      }
    } catch (err) {
      // the subgraph refused the subscription (an `error` message) or the socket failed for good
      const errors = Array.isArray(err) ? (err as GraphQLFormattedError[]) : null;
      if (!errors) this.logger.error({ err }, 'upstream subscription failed');
      const payload: Payload = {
        errors: errors ?? [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      };
      for (const completion of upstream.completions.values())
        for (const sink of completion.sinks) sink.push(payload);
    }
  }

  private async complete(
    completion: SharedCompletion,
    event: FormattedExecutionResult,
    identity: ForwardedIdentity,
  ): Promise<Payload> {
    if (!event.data) return { errors: event.errors?.map((e) => this.maskOne(e)) };
    completionsCounter.inc();
    const result = await completeEvent(this.planner, this.services, completion.planned, event, {
      variables: completion.variables,
      context: createContext(identity, this.secret),
    });
    return {
      data: result.data as Payload['data'],
      ...(result.errors?.length && { errors: result.errors.map((e) => this.maskOne(e)) }),
    };
  }

  private maskOne(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
    const formatted = error instanceof GraphQLError ? error.toJSON() : error;
    return this.mask(formatted, error);
  }

  private leave(
    shared: { upstream: SharedUpstream; completion: SharedCompletion },
    sink: PushQueue<Payload>,
  ) {
    const { upstream, completion } = shared;
    if (!completion.sinks.delete(sink)) return;
    subscriberGauge.dec();
    if (completion.sinks.size === 0) upstream.completions.delete(completion.key);
    if (upstream.completions.size === 0) {
      this.upstreams.delete(upstream.key);
      void upstream.iterator?.return?.();
    }
  }
}
