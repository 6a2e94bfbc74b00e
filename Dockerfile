# asyncio playground: one container for a class.
#
#   docker compose up -d --build        (see compose.yaml and docs/teaching.md)
#
# Two stages: Maven and a JDK build the jar; the image that runs holds only a
# JRE, python3 and bubblewrap. Everything comes from Debian's apt archive;
# nothing is downloaded by URL. BASE_IMAGE lets a locally built Debian stand
# in where images cannot be pulled (docker/make-base-image).
ARG BASE_IMAGE=debian:trixie-slim

FROM ${BASE_IMAGE} AS build
# Debian slim images lack /usr/share/man/man1, which Java packages'
# post-install scripts write to.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-21-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
# Networks that inspect TLS need their own authority trusted (docker/build-ca/README.md).
COPY docker/build-ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null
WORKDIR /src
# Dependencies first, in their own layer: with only pom.xml present, packaging
# the empty project downloads every dependency and plugin the real build uses,
# so editing the sources does not download anything again.
COPY pom.xml .
RUN mvn -B -q -DskipTests package && rm -rf target
COPY src src
COPY static static
RUN mvn -B -o -q -DskipTests package

FROM ${BASE_IMAGE}
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-21-jre-headless python3 bubblewrap \
 && rm -rf /var/lib/apt/lists/*
# A fixed, high uid that no host account is likely to share: the kernel counts
# processes per uid (RLIMIT_NPROC) across every container and the host.
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin playground
WORKDIR /app
COPY --from=build /src/target/asyncio-playground.jar /app/asyncio-playground.jar
COPY docker/healthcheck.py /app/healthcheck.py
COPY src/main/jvm.options /app/jvm.options
COPY lessons /app/lessons
ENV HOST=0.0.0.0 \
    PORT=7070 \
    PLAYGROUND_PYTHON=/usr/bin/python3 \
    PLAYGROUND_LESSONS=/app/lessons
USER playground
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python3", "-I", "/app/healthcheck.py"]
# The heap may use half the container's memory limit; the other half is for
# the snippets' Python processes. No perf data file: the root fs is read-only.
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/asyncio-playground.jar"]
