using CsmsCluster.Api;
using CsmsCluster.Domain;
using CsmsCluster.Gateway;
using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Persistence;
using CsmsCluster.Server.Configuration;
using CsmsCluster.Server.Health;
using CsmsCluster.Server.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace CsmsCluster.Server;

/// <summary>Builds the CSMS web application for a role; used by Program and by tests.</summary>
public static class CsmsServer
{
    /// <summary>Where the server listens when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints say.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>Builds the application from command-line arguments and the usual configuration sources.</summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls</c>, <c>--Csms:Storage:Provider=postgres</c>).</param>
    /// <param name="configure">Extra configuration of the builder, e.g. settings or services in tests.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        // The default address lives here, not in appsettings.json: a file setting would override ASPNETCORE_URLS.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Security profile 3: any HTTPS endpoint asks for a client certificate but lets the handshake finish; the
        // gateway verifies it against the charger CA and the charge point id (the API never uses it).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (_, _, _) => true;
        }));
        var role = ServerRoles.Parse(builder.Configuration["Csms:Role"]);
        builder.AddCsmsTelemetry(role);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Registration order is shutdown order reversed: sockets close first, then grains write their state, then
        // the history writer drains its queue; the probe port (first in) answers until the end.
        services.AddHealthProbePort(builder.Configuration);
        services.AddCsmsPersistence(builder.Configuration);
        services.AddGrainRuntime(o => builder.Configuration.GetSection("Csms:Grains").Bind(o));
        var clustered = role != ServerRole.All || builder.Configuration.GetValue<bool>("Csms:Cluster:Enabled");
        if (clustered)
        {
            services.AddGrainCluster(o =>
            {
                builder.Configuration.GetSection(ClusterMembershipOptions.SectionName).Bind(o);
                o.Role = role.Name();
            });
            services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        }

        services.AddCsmsDomain(builder.Configuration);
        services.AddOcppGateway(builder.Configuration);
        if (clustered)
        {
            services.AddOcppGatewayClustering();
        }
        services.AddCsmsApi(builder.Configuration);
        services.AddCsmsOptionsValidation();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);

        var app = builder.Build();
        app.Logger.LogStarting(role.ToString());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        if (role.HoldsSockets())
        {
            app.MapOcppGateway();
        }

        app.MapCsmsApi();
        return app;
    }
}
