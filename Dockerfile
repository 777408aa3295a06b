# syntax=docker/dockerfile:1
# Pressroom: one image for the app and the worker (docker-compose.yml runs both from it).
# Build: docker build -t pressroom .   Run: see docs/DEPLOYMENT.md.

# --- build: every dependency, the admin panel (next build) and the compiled server (dist/) ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- runtime: production dependencies only, the build's output, a user without privileges ---
FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    MEDIA_DIR=/app/media \
    DATABASE_URI=file:/app/data/pressroom.production.db
COPY package.json package-lock.json ./
# The rich-text editor is a peer dependency of the plugin, so package.json installs it for
# development only; the image runs the reference config, which needs it. The same version.
RUN npm pkg set "dependencies.@payloadcms/richtext-lexical=$(node -p "require('./package.json').devDependencies['@payloadcms/richtext-lexical']")" \
    && npm pkg delete "devDependencies.@payloadcms/richtext-lexical" \
    && npm ci --omit=dev \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/.next ./.next
COPY next.config.mjs ./
# Next's build cache and a development server's output have no place in a running image.
RUN rm -rf .next/cache .next/dev \
    && mkdir -p /app/media /app/data \
    && chown node:node /app/media /app/data
USER node
VOLUME ["/app/media", "/app/data"]
EXPOSE 3000
# /readyz is 200 once the database answers; the node image has no curl, and fetch is built in.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-old-space-size=384", "dist/server.js"]
