# Valenx Press app image. The production build is made when the container first starts (and kept in
# the `app-build` volume), not while the image is built: pages are pre-rendered from the database,
# and `docker build` has no database to read. `npm start` migrates, seeds an empty database,
# builds when the sources changed and serves on $PORT.
FROM node:20-bookworm-slim

ENV NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .

RUN mkdir -p data .next && chown -R node:node /app
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

CMD ["npm", "start"]
