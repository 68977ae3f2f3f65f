# RatingGrid host: Orleans silo + gRPC. Multi-stage: the SDK builds, the ASP.NET runtime runs, as a
# non-root user. Project files are copied before the sources so that the restore layer is cached.
# Ports: 5080 gRPC (HTTP/2), 5081 health (HTTP/1.1), 5082 gRPC-Web and the dashboard, 11111 silo,
# 30000 gateway.

# The dashboard's styles: GOV.UK Frontend from the pinned npm package, without the GDS Transport
# font (licensed for GOV.UK only), as scripts/publish-dashboard.sh does on a developer's machine.
FROM node:22.12.0 AS styles
WORKDIR /styles
COPY tools/govuk-frontend/package.json tools/govuk-frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund \
 && sed -E 's/@font-face\{[^}]*\}//g' node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css > govuk-frontend.min.css

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
RUN dotnet restore src/RatingGrid.Host/RatingGrid.Host.csproj
COPY src/ src/
RUN dotnet publish src/RatingGrid.Host/RatingGrid.Host.csproj -c Release -o /app --no-restore /p:UseAppHost=false
COPY --from=styles /styles/govuk-frontend.min.css src/RatingGrid.Dashboard/wwwroot/css/
RUN dotnet publish src/RatingGrid.Dashboard/RatingGrid.Dashboard.csproj -c Release -o /app/dashboard

FROM mcr.microsoft.com/dotnet/aspnet:10.0.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# In a container the host listens on every interface; the silo advertises the pod's address
# (Silo__AdvertisedAddress, set by the deployment from the downward API).
ENV Service__Address=0.0.0.0 \
    Service__GrpcPort=5080 \
    Service__HealthPort=5081 \
    Service__WebPort=5082 \
    Service__DashboardPath=/app/dashboard \
    Silo__SiloPort=11111 \
    Silo__GatewayPort=30000
EXPOSE 5080 5081 5082 11111 30000
USER app
ENTRYPOINT ["dotnet", "RatingGrid.Host.dll"]
