# syntax=docker/dockerfile:1
ARG PYTHON=3.12

FROM python:${PYTHON}-slim AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential=12.9 \
 # headers for the C extensions
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:${PYTHON}-slim
RUN <<-EOF
	set -eu
	groupadd --system app
	useradd --system --gid app --home /app app
	EOF
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
WORKDIR /app
COPY --chown=app:app src/ ./src/
USER app
ENV PYTHONUNBUFFERED=1
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"
CMD gunicorn --bind 0.0.0.0:8000 src.app:app
