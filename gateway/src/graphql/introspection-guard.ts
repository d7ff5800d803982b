import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden } from '@link-archive/core';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { GatewayContext } from './context';

/** Per parsed document (Apollo Server keeps them across requests): whether it asks for __schema or __type. */
const known = new WeakMap<DocumentNode, boolean>();

export function introspects(document: DocumentNode): boolean {
  const remembered = known.get(document);
  if (remembered !== undefined) return remembered;
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
    },
  });
  known.set(document, found);
  return found;
}

/** Introspection only for ADMIN tokens, or for anyone in development when allowed. */
export function introspectionGuard(openToAll: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (openToAll || contextValue.identity.viewer?.role === 'ADMIN') return;
          if (introspects(document)) throw forbidden('Introspection is available to ADMIN tokens only');
        },
      };
    },
  };
}
