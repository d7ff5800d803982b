import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';

/**
 * Subscriptions here name their own `subscribe` (events come through Redis from the workers), so
 * type-graphql's topic PubSub, which it insists on for any subscription, must never be reached.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('subscriptions use their own subscribe function, not type-graphql topics');
  },
  subscribe: () => {
    throw new Error('subscriptions use their own subscribe function, not type-graphql topics');
  },
};

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (...args: never[]) => unknown }>;

/**
 * One way to build every subgraph: type-graphql builds the schema from decorated classes, it is printed
 * with its directives under the federation @link, and @apollo/subgraph adds _entities and _service.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }, ...(options.scalarsMap ?? [])],
    validate: false,
    skipCheck: true,
    pubSub: NO_TOPICS,
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
