import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden } from '@link-archive/core';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { GatewayContext } from './context';

export function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
    },
  });
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
