# The image installs the same way as the README: `make install`, then ingest seeds/ and serve.
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake make git \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml requirements.lock Makefile README.md ./
COPY service service
COPY ingest ingest
COPY evals evals
COPY prompts prompts
COPY seeds seeds
RUN make install PYTHON=python3.11

ENV CITEWIRE_HOST=0.0.0.0 CITEWIRE_PORT=8000 CITEWIRE_DATA_DIR=/data
EXPOSE 8000
VOLUME /data
CMD ["sh", "-c", ".venv/bin/citewire ingest && exec .venv/bin/citewire serve"]
