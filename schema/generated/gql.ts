/* eslint-disable */
import * as types from './graphql';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PublicLinksOfUser($ownerId: ID!, $first: Int, $after: String) {\n  links(filter: {ownerId: $ownerId}, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        url\n        title\n        description\n        siteName\n        imageUrl\n        tags {\n          name\n        }\n        rating {\n          average\n          count\n        }\n        thumbnail {\n          id\n          url(size: MEDIUM)\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery LinkCard($id: ID!) {\n  link(id: $id) {\n    id\n    url\n    title\n    description\n    siteName\n    status\n    owner {\n      handle\n    }\n  }\n}\n\nmutation SaveLink($url: String!, $note: String, $tags: [String!], $visibility: Visibility) {\n  saveLink(url: $url, note: $note, tags: $tags, visibility: $visibility) {\n    id\n    url\n    normalizedUrl\n    status\n  }\n}": typeof types.PublicLinksOfUserDocument,
    "query UserProfile($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    displayName\n    bio\n    followerCount\n    followingCount\n  }\n}": typeof types.UserProfileDocument,
    "query Viewer {\n  me {\n    id\n    handle\n    displayName\n    isAnonymous\n    plan\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query PublicLinksOfUser($ownerId: ID!, $first: Int, $after: String) {\n  links(filter: {ownerId: $ownerId}, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        url\n        title\n        description\n        siteName\n        imageUrl\n        tags {\n          name\n        }\n        rating {\n          average\n          count\n        }\n        thumbnail {\n          id\n          url(size: MEDIUM)\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery LinkCard($id: ID!) {\n  link(id: $id) {\n    id\n    url\n    title\n    description\n    siteName\n    status\n    owner {\n      handle\n    }\n  }\n}\n\nmutation SaveLink($url: String!, $note: String, $tags: [String!], $visibility: Visibility) {\n  saveLink(url: $url, note: $note, tags: $tags, visibility: $visibility) {\n    id\n    url\n    normalizedUrl\n    status\n  }\n}": types.PublicLinksOfUserDocument,
    "query UserProfile($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    displayName\n    bio\n    followerCount\n    followingCount\n  }\n}": types.UserProfileDocument,
    "query Viewer {\n  me {\n    id\n    handle\n    displayName\n    isAnonymous\n    plan\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublicLinksOfUser($ownerId: ID!, $first: Int, $after: String) {\n  links(filter: {ownerId: $ownerId}, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        url\n        title\n        description\n        siteName\n        imageUrl\n        tags {\n          name\n        }\n        rating {\n          average\n          count\n        }\n        thumbnail {\n          id\n          url(size: MEDIUM)\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery LinkCard($id: ID!) {\n  link(id: $id) {\n    id\n    url\n    title\n    description\n    siteName\n    status\n    owner {\n      handle\n    }\n  }\n}\n\nmutation SaveLink($url: String!, $note: String, $tags: [String!], $visibility: Visibility) {\n  saveLink(url: $url, note: $note, tags: $tags, visibility: $visibility) {\n    id\n    url\n    normalizedUrl\n    status\n  }\n}"): (typeof documents)["query PublicLinksOfUser($ownerId: ID!, $first: Int, $after: String) {\n  links(filter: {ownerId: $ownerId}, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        url\n        title\n        description\n        siteName\n        imageUrl\n        tags {\n          name\n        }\n        rating {\n          average\n          count\n        }\n        thumbnail {\n          id\n          url(size: MEDIUM)\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery LinkCard($id: ID!) {\n  link(id: $id) {\n    id\n    url\n    title\n    description\n    siteName\n    status\n    owner {\n      handle\n    }\n  }\n}\n\nmutation SaveLink($url: String!, $note: String, $tags: [String!], $visibility: Visibility) {\n  saveLink(url: $url, note: $note, tags: $tags, visibility: $visibility) {\n    id\n    url\n    normalizedUrl\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserProfile($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    displayName\n    bio\n    followerCount\n    followingCount\n  }\n}"): (typeof documents)["query UserProfile($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    displayName\n    bio\n    followerCount\n    followingCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  me {\n    id\n    handle\n    displayName\n    isAnonymous\n    plan\n  }\n}"): (typeof documents)["query Viewer {\n  me {\n    id\n    handle\n    displayName\n    isAnonymous\n    plan\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;