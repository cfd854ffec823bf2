# The API alone; docker-compose.yml pairs it with Neo4j, so the embedded server (and Java) is not needed here.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY seed ./seed
# The playground and graph view are bundled from web/ at run time; the playground lists docs/queries.
COPY web ./web
COPY docs/queries ./docs/queries
# The API runs as JavaScript built once from src/ (scripts/start.mjs); built here, so that the
# unprivileged user never needs to write it.
COPY scripts/start.mjs ./scripts/start.mjs
RUN node scripts/start.mjs --build-only
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["node", "scripts/start.mjs"]
