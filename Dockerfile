# One image for every role: Csms__Role (all | silo | gateway) is chosen at deploy time, not at build time.
# Build:  docker build -t csms-cluster .
# Run:    docker run -p 8080:8080 -v csms-data:/data csms-cluster

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The image's architecture (set by BuildKit): the publish is ReadyToRun-compiled for it.
ARG TARGETARCH
WORKDIR /src
# The build settings (warnings as errors, central package versions, SDK pin, code style) travel with the sources.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/CsmsCluster.Server -c Release -a "$TARGETARCH" --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The application files stay owned by root: the app user can read but not change them.
COPY --from=build /app ./
# Everything the server writes (SQLite database, generated admin token, development CA) lives under /data, so the
# root filesystem can be mounted read-only and /data is the one volume to keep.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
# appsettings.json sets Urls, which outranks ASPNETCORE_URLS; the unprefixed Urls variable outranks appsettings.json.
ENV ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080 \
    Csms__Role=all \
    Csms__Api__DataDirectory=/data \
    Csms__Security__Ca__Directory=/data/ca \
    Csms__Storage__ConnectionString="Data Source=/data/csms.db"
# 8080: OCPP WebSockets, HTTP API, /healthz, /readyz. 8081: grain calls between nodes (Csms:Cluster:InternalPort),
# with the peer probes on the same number over UDP. The probes' own port (8082 in the manifests) opens only when
# Csms__Health__Port is set, so it is not exposed here.
EXPOSE 8080 8081 8081/udp
VOLUME ["/data"]
# The aspnet image's non-root user (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "CsmsCluster.Server.dll"]
