#!/usr/bin/env bash
# Runs a local RatingGrid cluster: the pinned Azurite (durable, .data/cluster) and N host processes on
# loopback that find each other through Azure Table clustering. Ctrl+C stops them all.
#   bash scripts/cluster.sh [N]        (default 3)
# Host i (from 0) serves gRPC on 5080+10*i, health and /metrics on 5081+10*i.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
count="${1:-3}"

bash scripts/install-node-tools.sh
dotnet build src/RatingGrid.Host -c Release -nologo -v quiet
data="${RATINGGRID_DATA:-$root/.data/cluster}"
blob_port="${AZURITE_BLOB_PORT:-10100}"
mkdir -p "$data"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

node tools/azurite/node_modules/azurite/dist/src/azurite.js \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$((blob_port + 1))" \
  --tableHost 127.0.0.1 --tablePort "$((blob_port + 2))" --location "$data" --disableTelemetry --silent &
pids+=($!)
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$((blob_port + 2))") 2>/dev/null; then break; fi
  sleep 0.1
done

# Azurite's fixed development account key: public, documented, only valid against the emulator.
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((blob_port + 2))/devstoreaccount1;"
export Auth__DevelopmentKeyFile="$(bash scripts/dev-key.sh)"
export Silo__Clustering=AzureTable Silo__ClusterId=ratinggrid-local Silo__ServiceId=ratinggrid-local
for i in $(seq 0 $((count - 1))); do
  Service__GrpcPort=$((5080 + 10 * i)) Service__HealthPort=$((5081 + 10 * i)) Service__WebPort=$((5082 + 10 * i)) \
  Silo__SiloPort=$((11111 + i)) Silo__GatewayPort=$((30000 + i)) \
    dotnet src/RatingGrid.Host/bin/Release/net10.0/RatingGrid.Host.dll &
  pids+=($!)
done
echo "RatingGrid cluster of $count: gRPC on 127.0.0.1:5080, :5090, ... (Ctrl+C stops it)" >&2
wait
