import type { ForwardedIdentity } from '@link-archive/core';
import type { NextFunction, Request, Response } from 'express';
import type { PartnerKeys } from '../partners/partner-keys';
import { graphqlError } from '../graphql/http-errors';
import type { AccessTokenVerifier } from './access-token';
import { requestCredential } from './bearer-token';

/**
 * Establishes who is asking, before GraphQL runs. A bearer token that does not verify is refused with
 * 401, never downgraded to anonymous; so is an unknown x-api-key.
 */
export function authenticate(tokens: AccessTokenVerifier, partners: PartnerKeys) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const identity: ForwardedIdentity = {
        viewer: null,
        partnerKeyId: null,
        clientIp: req.ip ?? 'unknown',
        requestId: res.locals.requestId,
      };
      // the header, or for a browser tab (the Playground) the access-token cookie; CSRF is Apollo Server's
      // csrfPrevention (a cross-site form cannot send a JSON body or its preflight headers)
      const credential = requestCredential(req);
      if (credential.present) {
        const token = credential.token;
        identity.viewer = token ? await tokens.verify(token) : null;
        if (!identity.viewer) {
          return graphqlError(res, 401, 'UNAUTHENTICATED', 'Invalid or expired access token');
        }
      }
      const apiKey = req.header('x-api-key');
      if (apiKey !== undefined) {
        const partner = await partners.verify(apiKey);
        if (!partner) return graphqlError(res, 401, 'UNAUTHENTICATED', 'Invalid API key');
        identity.partnerKeyId = partner.id;
        res.locals.partner = partner;
      }
      res.locals.identity = identity;
      next();
    } catch (err) {
      next(err);
    }
  };
}
