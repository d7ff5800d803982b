import { InMemoryCache, type TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * Connections merge page after page on `after` (fetchMore appends; a first page again replaces), kept apart by
 * the arguments that pick the list.
 */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      links: relayStylePagination(['filter']),
      searchLinks: relayStylePagination(['query']),
      homeFeed: relayStylePagination(),
      popularFeed: relayStylePagination(),
      tagFeed: relayStylePagination(['tag']),
      notifications: relayStylePagination(['unreadOnly']),
      adminUsers: relayStylePagination(['query']),
      adminAuditLog: relayStylePagination(),
    },
  },
  User: {
    fields: {
      links: relayStylePagination(),
      reviews: relayStylePagination(),
      followers: relayStylePagination(),
      following: relayStylePagination(),
    },
  },
  Link: {
    fields: {
      reviews: relayStylePagination(),
    },
  },
};

export const createCache = () => new InMemoryCache({ typePolicies });
