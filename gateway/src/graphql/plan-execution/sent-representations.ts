import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

type Data = Record<string, unknown>;
type SubgraphError = NonNullable<GatewayGraphQLResponse['errors']>[number];

/**
 * The representations of one entity fetch, each distinct one sent once: a list of reviews by one author asks
 * for that author once, not once per review (the benchmark's deepest fetch: 96 representations, 1 distinct).
 * Every entity still gets its answer merged, and errors at an answer's path are reported for every entity that
 * shares it, in the numbering @apollo/gateway would have used (one representation per entity).
 */
export class SentRepresentations {
  /** What is sent: the distinct representations, in the order first met. */
  readonly unique: Data[] = [];
  /** Per representation (@apollo/gateway's numbering): the entity it stands for, and what it was sent as. */
  readonly entityOf: number[] = [];
  readonly sentAs: number[] = [];
  /** Per sent representation: the first entity it stands for. */
  private readonly firstEntities: number[] = [];
  private readonly indexOf = new Map<string, number>();

  get count(): number {
    return this.entityOf.length;
  }

  /** One entity's representation; `key` is the same for two entities only when their representations are. */
  add(representation: Data, key: string, entity: number): void {
    let index = this.indexOf.get(key);
    if (index === undefined) {
      index = this.unique.length;
      this.unique.push(representation);
      this.firstEntities.push(entity);
      this.indexOf.set(key, index);
    }
    this.entityOf.push(entity);
    this.sentAs.push(index);
  }

  /** The first entity the sent representation stands for. */
  firstEntity(sent: number): number {
    return this.firstEntities[sent]!;
  }

  /**
   * The subgraph's errors, one per entity for those at a sent representation's path (`_entities`, index, …),
   * ordered by entity, as a subgraph resolving one representation after another reports them (errors without
   * an entity's path first).
   */
  errorsPerEntity(errors: readonly SubgraphError[]): SubgraphError[] {
    if (this.unique.length === this.count) return [...errors];
    const sharedBy: number[][] = this.unique.map(() => []);
    this.sentAs.forEach((sent, r) => sharedBy[sent]!.push(r));
    const perEntity: { order: number; error: SubgraphError }[] = [];
    errors.forEach((error) => {
      const path = error.path;
      const sent = path?.[0] === '_entities' ? path[1] : undefined;
      if (typeof sent !== 'number' || !sharedBy[sent]) {
        perEntity.push({ order: -1, error });
        return;
      }
      for (const r of sharedBy[sent]) {
        perEntity.push({ order: r, error: { ...error, path: ['_entities', r, ...path!.slice(2)] } });
      }
    });
    return perEntity.sort((a, b) => a.order - b.order).map((e) => e.error);
  }
}
