# Valenx Press app image: built once, with no database (the build reads none: pages render on
# their first request and are cached), then deployed as many times as needed. A container never
# builds: it serves the build (`npm run serve`), and applies pending migrations when it connects,
# one container at a time (a lock in the database, src/db/lock.ts). docker-compose.yml runs the
# migrations and the demo seed once, in a one-shot `migrate` service, before the app replicas.
#
#   docker build -t valenx-press --build-arg NEXT_PUBLIC_SERVER_URL=https://www.example.com .
#
# NEXT_PUBLIC_SERVER_URL is read at build time (canonical URLs, CORS/CSRF origin, HSTS): build one
# image per public address. Nothing else of the deployment is in the image: DATABASE_URI,
# PAYLOAD_SECRET, REDIS_URL, S3_* and the rest are read when the container starts.
#
# Not `output: 'standalone'`: the image also runs Payload's own command line (`npm run migrate`,
# `npm run seed`, `npm run backup`), which loads the TypeScript config and is outside what Next
# traces into a standalone folder, and the server is the repository's own server.mjs (the front
# cache). The equivalent is done here: the runtime stage has the production dependencies only,
# the sources the command line needs, and the build without its build cache.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ARG NEXT_PUBLIC_SERVER_URL=http://localhost:8080
ENV NEXT_PUBLIC_SERVER_URL=${NEXT_PUBLIC_SERVER_URL}
# No DATABASE_URI, no PAYLOAD_SECRET: scripts/build.mjs points the build at no database at all.
RUN npm run build && rm -rf .next/cache

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
COPY --from=build /app/.next ./.next
# The server writes what it renders into .next (and drops it at start); SQLite and local media
# live in data/ (mount a volume there, or use MongoDB and S3).
RUN mkdir -p data/media && chown -R node:node data .next
USER node

EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

CMD ["npm", "run", "serve"]
