#!/usr/bin/env bash
# Publishes the dashboard (Blazor WebAssembly, trimmed and compressed) into .data/dashboard, which
# the host serves at / on its gRPC-Web port (Service:DashboardPath). Its styles are GOV.UK Frontend's,
# from the pinned npm package (tools/govuk-frontend), without the GDS Transport font: that font is
# licensed for GOV.UK domains only, so text falls back to Arial as the Design System says to do
# off GOV.UK.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-node-tools.sh"
css="$root/src/RatingGrid.Dashboard/wwwroot/css/govuk-frontend.min.css"
sed -E 's/@font-face\{[^}]*\}//g' "$root/tools/govuk-frontend/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css" > "$css.tmp"
mv "$css.tmp" "$css"
dotnet publish "$root/src/RatingGrid.Dashboard/RatingGrid.Dashboard.csproj" -c Release -o "$root/.data/dashboard" -nologo -v quiet >&2
echo "$root/.data/dashboard"
