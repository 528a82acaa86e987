#!/bin/sh
# Unit check the CI runs: the version must be a plain MAJOR.MINOR.PATCH.
set -eu
here=$(dirname "$0")
version=$(cat "$here/VERSION")
case "$version" in
  *[!0-9.]*|'') echo "VERSION '$version' is not MAJOR.MINOR.PATCH" >&2; exit 1 ;;
esac
echo "__APP_NAME__ version $version ok"
