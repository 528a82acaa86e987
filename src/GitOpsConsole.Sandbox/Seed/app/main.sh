#!/bin/sh
# The sandbox application: answers every request with its name and version.
set -eu
here=$(dirname "$0")
version=$(cat "$here/VERSION")
echo "__APP_NAME__ ${version} listening on :${PORT:-8080}"
while true; do
  printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n__APP_NAME__ %s\n' "$version" | nc -l -p "${PORT:-8080}" -q 1 || exit 1
done
