#!/usr/bin/env bash
# The production stack on this machine, on loopback, from the repository's own files:
#
#   scripts/production.sh start   PostgreSQL 15, Redis, collectstatic, migrations, demo content,
#                                 gunicorn, the task workers, a local mail sink and nginx with
#                                 the page cache on http://127.0.0.1:8080; returns once it answers
#   scripts/production.sh stop    stops every process that `start` started
#
# As root on Debian (`make production` / `make production-stop`). Running `start` again is
# harmless: what runs is left running, what is missing is started. Everything lives in
# var/production/ (git-ignored): the environment used (env, KEY=value lines, so that
# `set -a; . var/production/env; set +a` lets manage.py work on this stack), the rendered nginx
# configuration, pid files, logs, static files, media, the page cache.
#
# Settings (environment): PRODUCTION_PORT (8080), GUNICORN_WORKERS (gunicorn.conf.py's default,
# 2 × cores + 1), TASK_WORKERS (1, on the "default" queue; the "models" queue has one worker of
# its own), PG_CLUSTER (production) / PG_PORT (5433) / PG_DATABASE
# (voorbeeldenbank), REDIS_PORT (6380), SMTP_PORT (8025); any setting of deploy/env.example
# (e.g. API_RATE_LIMIT) is written to var/production/env when it is set.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
RUN="$ROOT/var/production"
PYTHON="$ROOT/.venv/bin/python"
PORT="${PRODUCTION_PORT:-8080}"
APP_BIND="127.0.0.1:${APP_PORT:-8001}"
REDIS_PORT="${REDIS_PORT:-6380}"
SMTP_PORT="${SMTP_PORT:-8025}"
TASK_WORKERS="${TASK_WORKERS:-1}"
ENV_CHANGED=""
export PG_CLUSTER="${PG_CLUSTER:-production}" PG_PORT="${PG_PORT:-5433}"
export PG_DATABASE="${PG_DATABASE:-voorbeeldenbank}"

log() { echo "production: $*" >&2; }

cluster_online() {
  pg_lsclusters -h 2>/dev/null \
    | awk -v c="$PG_CLUSTER" '$1 == 15 && $2 == c && $4 ~ /^online/ { f = 1 } END { exit !f }'
}

read_pid() {
  # read_pid PIDFILE: the number in the file, or nothing when the file is missing or empty.
  # A process may remove its own pid file at any moment (nginx does when it quits), so the
  # file is read once and a vanished file is not an error.
  local pid
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && echo "$pid"
  return 0
}

alive() {
  # alive PIDFILE: the process named in the file runs.
  local pid
  pid="$(read_pid "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

stop_pidfile() {
  # stop_pidfile PIDFILE NAME [SIGNAL]: send SIGNAL (TERM unless named), wait up to 10 s for
  # the process to go, then KILL it.
  local pidfile="$1" name="$2" signal="${3:-TERM}" pid
  pid="$(read_pid "$pidfile")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pidfile"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -"$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Run a command in its own session under scripts/supervise.sh, which restarts it when it exits
# (as systemd's Restart=always does on a server).
supervised() {
  local name="$1"
  shift
  if alive "$RUN/$name.pid"; then
    log "$name runs (pid $(read_pid "$RUN/$name.pid"))"
    return 0
  fi
  log "starting $name"
  setsid "$ROOT/scripts/supervise.sh" "$RUN/$name.pid" "$@" >>"$RUN/log/$name.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do
    [[ -s "$RUN/$name.pid" ]] && return 0
    sleep 0.1
  done
  log "$name did not start; see $RUN/log/$name.log"
  return 1
}

write_env() {
  # The secret key survives a second `start`: sessions and signed links stay valid.
  local secret=""
  if [[ -f "$RUN/env" ]]; then
    secret="$(sed -n 's/^SECRET_KEY=//p' "$RUN/env")"
  fi
  [[ -n "$secret" ]] || secret="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')"
  local database_url
  if ! cluster_online; then
    # Only a cluster that this script started is stopped again by `stop`.
    echo "$PG_CLUSTER" >"$RUN/postgres.started"
  fi
  database_url="$(scripts/postgres.sh)"
  {
    echo "DJANGO_SETTINGS_MODULE=voorbeeldenbank.settings.production"
    echo "SECRET_KEY=$secret"
    echo "DATABASE_URL=$database_url"
    echo "ALLOWED_HOSTS=127.0.0.1,localhost"
    echo "BASE_URL=http://127.0.0.1:$PORT"
    echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
    echo "TRUSTED_PROXIES=127.0.0.1"
    echo "FRONTEND_CACHE_LOCATION=http://127.0.0.1:$PORT"
    echo "EXAMPLE_PDF_DELIVERY=x-accel"
    echo "STATIC_ROOT=$RUN/static"
    echo "MEDIA_ROOT=$RUN/media"
    # Plain http on loopback: no redirect to https, cookies without the Secure flag.
    echo "SECURE_SSL_REDIRECT=false"
    echo "SECURE_COOKIES=false"
    echo "EMAIL_HOST=127.0.0.1"
    echo "EMAIL_PORT=$SMTP_PORT"
    echo "GUNICORN_BIND=$APP_BIND"
    echo "GUNICORN_PIDFILE=$RUN/gunicorn.pid"
    echo "GUNICORN_ACCESS_LOG=$RUN/log/gunicorn-access.log"
    echo "GUNICORN_ERROR_LOG=$RUN/log/gunicorn-error.log"
    [[ -z "${GUNICORN_WORKERS:-}" ]] || echo "GUNICORN_WORKERS=$GUNICORN_WORKERS"
    # Settings of deploy/env.example passed in by the caller (a benchmark's rate limits).
    local name
    for name in $(sed -n 's/^#\{0,1\} *\([A-Z][A-Z0-9_]*\)=.*/\1/p' deploy/env.example | sort -u); do
      case "$name" in
        SECRET_KEY | DATABASE_URL | ALLOWED_HOSTS | BASE_URL | REDIS_URL | EMAIL_HOST | EMAIL_PORT | \
          STATIC_ROOT | MEDIA_ROOT | GUNICORN_* | DJANGO_SETTINGS_MODULE | FRONTEND_CACHE_LOCATION) ;;
        *) [[ -z "${!name:-}" ]] || echo "$name=${!name}" ;;
      esac
    done
  } >"$RUN/env.new"
  if grep -q '[[:space:]"'"'"'$`\\]' <(cut -d= -f2- "$RUN/env.new"); then
    log "a value in the environment has spaces or quotes; var/production/env must stay KEY=value"
    return 1
  fi
  if [[ -f "$RUN/env" ]] && ! cmp -s "$RUN/env" "$RUN/env.new"; then
    ENV_CHANGED=1
  fi
  mv "$RUN/env.new" "$RUN/env"
  chmod 600 "$RUN/env"
}

restart_for_new_environment() {
  # A process keeps the environment it was started with: after a change, start them afresh.
  [[ "${ENV_CHANGED:-}" == 1 ]] || return 0
  log "the environment changed: restarting gunicorn and the workers"
  local pidfile
  for pidfile in "$RUN"/worker-*.pid "$RUN/mail-sink.pid"; do
    [[ -e "$pidfile" ]] || continue
    stop_pidfile "$pidfile" "$(basename "$pidfile" .pid)"
  done
  stop_pidfile "$RUN/gunicorn.pid" gunicorn
}

start_redis() {
  if alive "$RUN/redis.pid"; then
    log "redis runs (pid $(read_pid "$RUN/redis.pid"))"
    return 0
  fi
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  # A cache: nothing is written to disk, the oldest keys go first when memory is full.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --pidfile "$RUN/redis.pid" --logfile "$RUN/log/redis.log" --dir "$RUN" \
    --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru
  for _ in $(seq 1 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  log "redis did not answer; see $RUN/log/redis.log"
  return 1
}

start_gunicorn() {
  if alive "$RUN/gunicorn.pid"; then
    log "gunicorn runs (pid $(read_pid "$RUN/gunicorn.pid")); reloading its workers"
    kill -HUP "$(read_pid "$RUN/gunicorn.pid")"
    return 0
  fi
  log "starting gunicorn on $APP_BIND"
  "$ROOT/.venv/bin/gunicorn" --config deploy/gunicorn.conf.py --daemon
  for _ in $(seq 1 100); do
    alive "$RUN/gunicorn.pid" && return 0
    sleep 0.1
  done
  log "gunicorn did not start; see $RUN/log/gunicorn-error.log"
  return 1
}

start_nginx() {
  local conf="$RUN/deploy/nginx/loopback.conf" worker_user
  mkdir -p "$RUN"/nginx-tmp "$RUN/nginx-cache" "$RUN/bench-static"
  chmod 755 "$RUN"
  # nginx's workers write the cache and read static files, media and the benchmark pages; the
  # master (this user) writes the pid file and the logs. As on a server the workers are
  # www-data, unless www-data cannot reach this checkout (a clone in a private folder): then
  # they run as this user, which is good enough for a stack on loopback.
  worker_user="$(id -un)"
  if [[ "$(id -u)" == 0 ]] && id www-data >/dev/null 2>&1 \
    && runuser -u www-data -- test -x "$RUN/static" 2>/dev/null; then
    worker_user=www-data
    chown -R www-data "$RUN/nginx-cache" "$RUN/nginx-tmp"
  fi
  NGINX_CONF_DIR="$RUN/deploy/nginx" NGINX_CACHE_DIR="$RUN/nginx-cache" \
    NGINX_ACCESS_LOG="$RUN/log/nginx-access.log" NGINX_LISTEN="127.0.0.1:$PORT" \
    NGINX_USER="user $worker_user;" RUN_DIR="$RUN" APP_SERVERS="$APP_BIND" \
    "$PYTHON" scripts/render_deploy.py "$RUN/deploy"
  nginx -q -t -c "$conf"
  if alive "$RUN/nginx.pid"; then
    log "nginx runs (pid $(read_pid "$RUN/nginx.pid")); reloading its configuration"
    nginx -c "$conf" -s reload
  else
    log "starting nginx on http://127.0.0.1:$PORT"
    # A fresh error log per start: it is where a crashed nginx worker shows.
    [[ ! -f "$RUN/log/nginx-error.log" ]] || mv "$RUN/log/nginx-error.log" "$RUN/log/nginx-error.log.1"
    nginx -c "$conf"
  fi
}

wait_until_it_answers() {
  local url="http://127.0.0.1:$PORT/" status=""
  for _ in $(seq 1 120); do
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)"
    [[ "$status" == 200 ]] && return 0
    sleep 0.5
  done
  log "$url answered ${status:-nothing} after 60 s; logs in $RUN/log/"
  return 1
}

start() {
  scripts/system-deps.sh production
  [[ -x "$PYTHON" ]] || scripts/venv.sh requirements/base.txt
  mkdir -p "$RUN/log" "$RUN/static" "$RUN/media"
  write_env
  set -a
  # shellcheck disable=SC1091
  . "$RUN/env"
  set +a
  restart_for_new_environment
  start_redis
  "$PYTHON" manage.py migrate --no-input -v 0
  "$PYTHON" manage.py collectstatic --no-input -v 0
  BASE_URL="http://127.0.0.1:$PORT" "$PYTHON" scripts/local_setup.py
  start_gunicorn
  local i
  for i in $(seq 1 "$TASK_WORKERS"); do
    supervised "worker-$i" "$PYTHON" manage.py db_worker --queue-name default \
      --worker-id "production-$i" --no-reload
  done
  # The long model work (trainings, the anonymiser) has its own worker, so it never holds up
  # a purge or an edition build.
  supervised worker-models "$PYTHON" manage.py db_worker --queue-name models \
    --worker-id production-models --no-reload
  supervised mail-sink "$PYTHON" scripts/mail_sink.py "127.0.0.1:$SMTP_PORT" "$RUN/mail"
  start_nginx
  wait_until_it_answers
  echo
  echo "  The production stack answers on http://127.0.0.1:$PORT/ (nginx → gunicorn → PostgreSQL)."
  echo "  Its environment: set -a; . var/production/env; set +a"
  echo "  Stop it with: make production-stop"
}

stop() {
  local pidfile
  # QUIT is nginx's graceful shutdown (what `nginx -s quit` sends); nginx removes its pid file
  # as it goes, which stop_pidfile allows for.
  stop_pidfile "$RUN/nginx.pid" nginx QUIT
  for pidfile in "$RUN"/worker-*.pid "$RUN/mail-sink.pid"; do
    [[ -e "$pidfile" ]] || continue
    stop_pidfile "$pidfile" "$(basename "$pidfile" .pid)"
  done
  stop_pidfile "$RUN/gunicorn.pid" gunicorn
  stop_pidfile "$RUN/redis.pid" redis
  if [[ -s "$RUN/postgres.started" ]]; then
    PG_CLUSTER="$(cat "$RUN/postgres.started")"
    if cluster_online; then
      log "stopping PostgreSQL cluster 15/$PG_CLUSTER"
      pg_ctlcluster 15 "$PG_CLUSTER" stop
    fi
    rm -f "$RUN/postgres.started"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
