#!/usr/bin/env bash
# Adds a migration named $1 for every supported provider (SQLite and PostgreSQL keep separate histories).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project SalesCockpit --context SqliteAppDbContext --output-dir Infrastructure/Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project SalesCockpit --context PostgresAppDbContext --output-dir Infrastructure/Data/Migrations/Postgres
