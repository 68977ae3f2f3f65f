#!/usr/bin/env bash
# Publishes the dashboard (Blazor WebAssembly, trimmed and compressed) into .data/dashboard, which
# the host serves at / on its gRPC-Web port (Service:DashboardPath).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet publish "$root/src/RatingGrid.Dashboard/RatingGrid.Dashboard.csproj" -c Release -o "$root/.data/dashboard" -nologo -v quiet
echo "$root/.data/dashboard"
