# One image recipe for every service; SERVICE is Ingest, Classify or Alert. From the repository root:
#   docker build --build-arg SERVICE=Ingest -t monitoring-ingest .
# Exact patch versions (the SDK and runtime this repository is built and tested with); upgrade deliberately.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
ARG SERVICE
RUN test -n "$SERVICE" || (echo "Set --build-arg SERVICE=Ingest, Classify or Alert." >&2; exit 1)
WORKDIR /src

# Project files first, so the restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/Monitoring.Contracts/Monitoring.Contracts.csproj shared/Monitoring.Contracts/
COPY shared/Monitoring.ServiceDefaults/Monitoring.ServiceDefaults.csproj shared/Monitoring.ServiceDefaults/
COPY shared/Monitoring.Storage/Monitoring.Storage.csproj shared/Monitoring.Storage/
COPY services/${SERVICE}/Monitoring.${SERVICE}/Monitoring.${SERVICE}.csproj services/${SERVICE}/Monitoring.${SERVICE}/
COPY services/${SERVICE}/Monitoring.${SERVICE}.Service/Monitoring.${SERVICE}.Service.csproj services/${SERVICE}/Monitoring.${SERVICE}.Service/
RUN dotnet restore services/${SERVICE}/Monitoring.${SERVICE}.Service/Monitoring.${SERVICE}.Service.csproj -r linux-x64

COPY shared/ shared/
COPY services/${SERVICE}/ services/${SERVICE}/
# The alert service resolves near: places with classify's gazetteer (linked by Monitoring.Alert.csproj).
COPY services/Classify/Monitoring.Classify/Data/places/places.tsv services/Classify/Monitoring.Classify/Data/places/LICENSE.md services/Classify/Monitoring.Classify/Data/places/
# ReadyToRun: precompiled code, so a fresh container does not spend its first minutes in the JIT (docs/benchmarks.md).
RUN dotnet publish services/${SERVICE}/Monitoring.${SERVICE}.Service/Monitoring.${SERVICE}.Service.csproj \
    -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS final
ARG SERVICE
ENV SERVICE=${SERVICE}
# curl serves the compose health check only; the runtime image has neither curl nor wget.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# Ingest's drop-folder volume is mounted here; created owned by the app user so a fresh named volume inherits that owner.
RUN if [ "$SERVICE" = "Ingest" ]; then mkdir -p /data/drop && chown "$APP_UID:$APP_UID" /data/drop; fi
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# APP_UID is the image's non-root "app" user; numeric so that runAsNonRoot policies can verify it.
USER $APP_UID
# exec: dotnet replaces the shell, so it is PID 1 and receives the stop signal.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"Monitoring.${SERVICE}.Service.dll\" \"$@\"", "--"]
