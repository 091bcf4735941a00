# Coursepack for teams without Node.js: Debian slim, Node 20, Coursepack built from this checkout,
# and Debian's Chromium headless shell (CHROMIUM_PATH) for `coursepack test` and `handout`.
#   docker build -t coursepack .
#   docker run --rm -v "$PWD":/course coursepack build
#   docker run --rm -v "$PWD":/course coursepack validate dist/my-course-scorm2004.zip
# The course folder is mounted at /course, the working directory; files are written as root unless
# you pass --user "$(id -u):$(id -g)".

FROM node:20-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN node scripts/compile.mjs && npm pack --ignore-scripts --pack-destination /tmp

FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium-headless-shell fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
COPY --from=pack /tmp/coursepack-*.tgz /tmp/
RUN npm install --global --no-audit --no-fund /tmp/coursepack-*.tgz && rm /tmp/coursepack-*.tgz
ENV CHROMIUM_PATH=/usr/bin/chromium-headless-shell
WORKDIR /course
ENTRYPOINT ["coursepack"]
CMD ["--help"]
