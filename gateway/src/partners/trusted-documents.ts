import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import type { ForwardedIdentity } from '@link-archive/core';
import { graphqlError } from '../graphql/http-errors';
import type { VerifiedPartnerKey } from './partner-keys';

interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface ListedOperation {
  name: string;
  body: string;
}

/** Apollo's persisted query manifest: the operations partners may run, by sha256 id. */
export function loadManifest(path: string): Map<string, ListedOperation> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    format: string;
    version: number;
    operations: ManifestOperation[];
  };
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest v1`);
  }
  return new Map(manifest.operations.map((op) => [op.id, { name: op.name, body: op.body }]));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Requests with an API key may run only operations in the manifest: named by documentId, by an APQ
 * hash, or sent in full with a body whose sha256 is listed. The listed body is what runs. A key scoped to some
 * operations (by name or id) may run only those.
 */
export function trustedDocuments(manifest: Map<string, ListedOperation>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const identity = res.locals.identity as ForwardedIdentity;
    if (!identity.partnerKeyId) return next();
    if (
      req.method !== 'POST' ||
      typeof req.body !== 'object' ||
      req.body === null ||
      Array.isArray(req.body)
    ) {
      return graphqlError(
        res,
        400,
        'PERSISTED_QUERY_NOT_IN_LIST',
        'Partners must POST one persisted operation',
      );
    }
    const body = req.body as {
      query?: unknown;
      documentId?: unknown;
      extensions?: { persistedQuery?: { sha256Hash?: unknown } };
    };
    const id =
      (typeof body.documentId === 'string' && body.documentId.replace(/^sha256:/, '')) ||
      (typeof body.extensions?.persistedQuery?.sha256Hash === 'string' &&
        body.extensions.persistedQuery.sha256Hash) ||
      (typeof body.query === 'string' && sha256(body.query)) ||
      '';
    const listed = manifest.get(id);
    if (!listed) {
      return graphqlError(
        res,
        400,
        'PERSISTED_QUERY_NOT_IN_LIST',
        'This operation is not in the persisted query list',
      );
    }
    const scope = (res.locals.partner as VerifiedPartnerKey | undefined)?.operations;
    if (scope && !scope.includes(id) && !scope.includes(listed.name)) {
      return graphqlError(res, 403, 'FORBIDDEN', `This API key may not run ${listed.name}`);
    }
    req.body = {
      ...body,
      query: listed.body,
      documentId: undefined,
      extensions: { ...body.extensions, persistedQuery: undefined },
    };
    next();
  };
}
