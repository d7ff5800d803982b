# One image for every service; docker-compose.yml picks the entry point per container.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json .swcrc ./
COPY packages/core/package.json packages/core/
COPY packages/federation/package.json packages/federation/
COPY packages/devstack/package.json packages/devstack/
COPY packages/testkit/package.json packages/testkit/
COPY packages/queues/package.json packages/queues/
COPY packages/storage/package.json packages/storage/
COPY packages/events/package.json packages/events/
COPY packages/link-domain/package.json packages/link-domain/
COPY packages/media-domain/package.json packages/media-domain/
COPY packages/ai/package.json packages/ai/
COPY packages/review-domain/package.json packages/review-domain/
COPY packages/feed-domain/package.json packages/feed-domain/
COPY subgraphs/user/package.json subgraphs/user/
COPY subgraphs/link/package.json subgraphs/link/
COPY subgraphs/review/package.json subgraphs/review/
COPY subgraphs/feed/package.json subgraphs/feed/
COPY subgraphs/media/package.json subgraphs/media/
COPY gateway/package.json gateway/
COPY workers/package.json workers/
COPY schema/package.json schema/
COPY bench/package.json bench/
COPY bench/federation/package.json bench/federation/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app

# the render workers: the same image with Debian's Chromium (docker-compose's renderer service builds this target)
FROM runtime AS renderer
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
USER node
CMD ["node", "workers/dist/index.js"]

FROM runtime
USER node
# overridden per service in docker-compose.yml; the gateway's V8 flags: packages/devstack/src/node-flags.ts
CMD ["node", "--max-semi-space-size=64", "--single-threaded-gc", "gateway/dist/index.js"]
