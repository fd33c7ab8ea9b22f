#!/usr/bin/env bash
# Makes sure a RabbitMQ broker answers on 127.0.0.1 for the integration tests and prints the
# MONITORING_RABBITMQ_* variables they read. When none answers, installs Debian's rabbitmq-server
# (if missing) and starts it bound to loopback only. A broker the caller already describes through
# MONITORING_RABBITMQ_USER is used as it is.
set -euo pipefail

host=${MONITORING_RABBITMQ_HOST:-127.0.0.1}
port=${MONITORING_RABBITMQ_PORT:-5672}

if [[ -n "${MONITORING_RABBITMQ_USER:-}" ]]; then
  exit 0
fi

reachable() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

if ! reachable; then
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    echo "rabbitmq.sh: installing Debian's rabbitmq-server" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq rabbitmq-server >&2
  fi
  mkdir -p /etc/rabbitmq
  # Loopback only: the test broker must never listen on a routable address.
  cat > /etc/rabbitmq/rabbitmq-env.conf <<CONF
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=$port
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
  echo "rabbitmq.sh: starting rabbitmq-server on 127.0.0.1:$port" >&2
  rabbitmq-server -detached >&2 || true
  for _ in $(seq 1 60); do
    if rabbitmqctl await_startup --timeout 5 >/dev/null 2>&1; then break; fi
    sleep 1
  done
  rabbitmqctl await_startup --timeout 10 >&2
  rabbitmqctl delete_user guest >/dev/null 2>&1 || true
fi

# A throw-away user and vhost per run: never the guest account, never a fixed password, and no queue or
# message of another run (or of a concurrent one in another checkout) can leak into this one.
suffix=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
user=monitoring-test-$suffix
vhost=monitoring-test-$suffix
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
rabbitmqctl add_vhost "$vhost" >/dev/null
rabbitmqctl add_user "$user" "$password" >/dev/null
rabbitmqctl set_permissions -p "$vhost" "$user" '.*' '.*' '.*' >/dev/null

echo "export MONITORING_RABBITMQ_HOST=$host"
echo "export MONITORING_RABBITMQ_PORT=$port"
echo "export MONITORING_RABBITMQ_VHOST=$vhost"
echo "export MONITORING_RABBITMQ_USER=$user"
echo "export MONITORING_RABBITMQ_PASSWORD=$password"
echo "export MONITORING_RABBITMQ_THROWAWAY=1"
