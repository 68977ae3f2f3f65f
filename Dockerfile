# RatingGrid: two images from one build, each run as a non-root user. Project files are copied
# before the sources so that the restore layer is cached.
#   docker build --target host .   the service: Orleans silo + gRPC (the default, last stage).
#                                  Ports: 5080 gRPC (HTTP/2), 5081 health (HTTP/1.1), 5082 gRPC-Web
#                                  and the development sign-in, 11111 silo, 30000 gateway.
#   docker build --target web .    the dashboard: pages rendered on the server, calling the service
#                                  over gRPC with the signed-in person's token. Port 5085.

# GOV.UK Frontend from the pinned npm package; the web project's build copies its styles (cut to
# the components the pages use, without the GDS Transport font, licensed for GOV.UK only: see
# tools/govuk-frontend/TrimGovukStyles.cs) and script into the app, as it does on a developer's machine.
FROM node:22.12.0 AS styles
WORKDIR /styles
COPY tools/govuk-frontend/package.json tools/govuk-frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/sdk:10.0.100 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY protos/ protos/
COPY src/RatingGrid.Domain/RatingGrid.Domain.csproj src/RatingGrid.Domain/
COPY src/RatingGrid.Contracts/RatingGrid.Contracts.csproj src/RatingGrid.Contracts/
COPY src/RatingGrid.Grains.Abstractions/RatingGrid.Grains.Abstractions.csproj src/RatingGrid.Grains.Abstractions/
COPY src/RatingGrid.Grains/RatingGrid.Grains.csproj src/RatingGrid.Grains/
COPY src/RatingGrid.Security/RatingGrid.Security.csproj src/RatingGrid.Security/
COPY src/RatingGrid.Host/RatingGrid.Host.csproj src/RatingGrid.Host/HostRuntime.props src/RatingGrid.Host/
COPY src/RatingGrid.Client/RatingGrid.Client.csproj src/RatingGrid.Client/
COPY src/RatingGrid.Web/RatingGrid.Web.csproj src/RatingGrid.Web/
RUN dotnet restore src/RatingGrid.Host/RatingGrid.Host.csproj \
 && dotnet restore src/RatingGrid.Web/RatingGrid.Web.csproj
COPY src/ src/
COPY --from=styles /styles/node_modules tools/govuk-frontend/node_modules
COPY tools/govuk-frontend/TrimGovukStyles.cs tools/govuk-frontend/
RUN dotnet publish src/RatingGrid.Host/RatingGrid.Host.csproj -c Release -o /app/host --no-restore /p:UseAppHost=false \
 && dotnet publish src/RatingGrid.Web/RatingGrid.Web.csproj -c Release -o /app/web --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0.0 AS web
WORKDIR /app
COPY --from=build /app/web .
# Web__ServiceAddresses__0, Web__SignIn and the OpenID Connect settings come from the deployment.
ENV Web__Address=0.0.0.0 \
    Web__Port=5085
EXPOSE 5085
USER app
ENTRYPOINT ["dotnet", "RatingGrid.Web.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0.0 AS host
WORKDIR /app
COPY --from=build /app/host .
# In a container the host listens on every interface; the silo advertises the pod's address
# (Silo__AdvertisedAddress, set by the deployment from the downward API).
ENV Service__Address=0.0.0.0 \
    Service__GrpcPort=5080 \
    Service__HealthPort=5081 \
    Service__WebPort=5082 \
    Silo__SiloPort=11111 \
    Silo__GatewayPort=30000
EXPOSE 5080 5081 5082 11111 30000
USER app
ENTRYPOINT ["dotnet", "RatingGrid.Host.dll"]
