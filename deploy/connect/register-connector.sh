#!/bin/sh
# Registers (or updates) the Debezium connector in Kafka Connect from connector.properties, the
# file the embedded cdc process uses, so both run with the same settings: the captured tables, the
# converters (raw outbox payloads, JSON directory events, plain-string headers) and the outbox
# event router with its predicate. OVERRIDE_<KEY> variables replace single settings, the key
# upper-cased with dots as underscores (OVERRIDE_DATABASE_HOSTNAME replaces database.hostname).
# The configuration is validated first: a setting Kafka Connect refuses (a missing plugin class, a
# bad value) fails the script with Connect's messages, and nothing is registered.
set -eu
props=/config/connector.properties
url="${CONNECT_URL:-http://connect:8083}"
name="${CONNECTOR_NAME:-mailsync-directory}"

until curl -fsS "$url/connectors" >/dev/null 2>&1; do
  echo "waiting for Kafka Connect at $url"; sleep 2
done

json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

body="{"
sep=""
# properties: key=value lines; comments and blank lines skipped; '\\' unescaped as in .properties
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) continue ;; esac
  key=${line%%=*}
  value=${line#*=}
  value=$(printf '%s' "$value" | sed 's/\\\\/\\/g')
  var=OVERRIDE_$(printf '%s' "$key" | tr 'a-z.-' 'A-Z__')
  eval "override=\${$var:-}"
  [ -n "$override" ] && value=$override
  body="$body$sep\"$(json_escape "$key")\":\"$(json_escape "$value")\""
  sep=","
done < "$props"
body="$body}"

validation=$(curl -fsS -X PUT -H 'Content-Type: application/json' --data "$body" \
  "$url/connector-plugins/PostgresConnector/config/validate")
case "$validation" in
  *'"error_count":0'*) ;;
  *) echo "Kafka Connect refused the connector configuration: $validation" >&2; exit 1 ;;
esac

curl -fsS -X PUT -H 'Content-Type: application/json' --data "$body" "$url/connectors/$name/config"
echo
echo "connector $name registered"
