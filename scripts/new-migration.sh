#!/usr/bin/env bash
# Writes a new migration from the difference between the committed schema and the working one:
#   bash scripts/new-migration.sh add_releases
# (The WebAssembly schema engine offers no shadow database through an adapter; a datamodel diff needs none.)
set -euo pipefail
name=${1:?usage: new-migration.sh <name>}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
git show HEAD:prisma/schema.prisma > "$dir/.previous.prisma"
node node_modules/prisma/build/index.js migrate diff --from-schema-datamodel "$dir/.previous.prisma" \
  --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm "$dir/.previous.prisma"
echo "wrote $dir/migration.sql"
