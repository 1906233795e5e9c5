#!/usr/bin/env bash
# Adds a migration for both providers: ./migrate.sh <Name>
set -euo pipefail
cd "$(dirname "$0")"
[ $# -eq 1 ] || { echo "usage: ./migrate.sh <MigrationName>" >&2; exit 2; }
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$1" --project AiGO.Domain --context ${p}AiGoDbContext --output-dir Data/Migrations/$p
done
rm -f AiGO.Domain/design-time.db
