import type { Router } from 'express';
import type { ApiKeyService } from './api-key.service';

/** POST /internal/api-keys/verify { secret } → { id, name } | 404. Reachable only with the gateway's token. */
export function apiKeyRoutes(service: ApiKeyService) {
  return (router: Router) => {
    router.post('/api-keys/verify', async (req, res) => {
      const key = await service.verify(req.body?.secret);
      if (!key) return void res.status(404).json({ error: 'unknown or revoked key' });
      res.json(key);
    });
  };
}
