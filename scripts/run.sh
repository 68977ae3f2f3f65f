#!/usr/bin/env bash
# Runs RatingGrid on this machine with durable storage: the project's pinned Azurite with a data
# folder (state survives restarts), the host on top of it, and the dashboard (the web app) calling
# the host. Ctrl+C stops all three.
#   RATINGGRID_DATA   where Azurite keeps its data (default: .data/ in the repository)
#   AZURITE_BLOB_PORT Azurite's blob port (default 10000; its queue and table ports follow it)
#   RATINGGRID_DEV_KEY_FILE the development signing key (default: .data/dev-signing-key, made if missing)
# Calls need a token: export RATINGGRID_TOKEN="$(dotnet run --project src/RatingGrid.Cli -- token)"
# The dashboard: http://127.0.0.1:5085/ (sign in there with the development sign-in; Web__Port moves it).
# Any other setting can be given as an environment variable, e.g. Service__GrpcPort=6000.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-node-tools.sh
data="${RATINGGRID_DATA:-$root/.data}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
mkdir -p "$data/azurite"

node tools/azurite/node_modules/azurite/dist/src/azurite.js \
  --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort "$((blob_port + 1))" \
  --tableHost 127.0.0.1 --tablePort "$((blob_port + 2))" \
  --location "$data/azurite" --disableTelemetry --silent &
azurite=$!
trap 'kill "$azurite" 2>/dev/null || true' EXIT

# The host aborts if storage is not there yet, so wait for Azurite's blob port first.
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; then break; fi
  if ! kill -0 "$azurite" 2>/dev/null; then echo "error: Azurite exited; is port $blob_port taken?" >&2; exit 1; fi
  sleep 0.1
done
echo "Azurite (durable, data in $data/azurite) on 127.0.0.1:$blob_port" >&2

# Azurite's fixed development account key: public, documented, only valid against the emulator.
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((blob_port + 2))/devstoreaccount1;"
# Tokens signed with the local development key are accepted (scripts/dev-key.sh; 'ratinggrid token').
export Auth__DevelopmentKeyFile="$(bash scripts/dev-key.sh)"
dotnet build src/RatingGrid.Host -c Release -nologo -v quiet
dotnet build src/RatingGrid.Web -c Release -nologo -v quiet

# The dashboard calls the host's gRPC port and signs people in through its development sign-in.
export Web__ServiceAddresses__0="http://127.0.0.1:${Service__GrpcPort:-5080}"
export Web__DevelopmentSignIn="http://127.0.0.1:${Service__WebPort:-5082}/"
dotnet src/RatingGrid.Web/bin/Release/net10.0/RatingGrid.Web.dll &
web=$!
trap 'kill "$web" "$azurite" 2>/dev/null || true' EXIT
echo "Dashboard: http://127.0.0.1:${Web__Port:-5085}/ (development sign-in: pick a region and what you may see)" >&2
echo "Mint a token for the CLI: export RATINGGRID_TOKEN=\"\$(dotnet run --project src/RatingGrid.Cli -- token)\"" >&2
dotnet run --no-build --project src/RatingGrid.Host -c Release "$@"
