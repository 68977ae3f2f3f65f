using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RatingGrid.Contracts.V1;
using RatingGrid.Host.Hosting;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// The ways a host can be told to check tokens: a production OpenID Connect authority (which
/// refuses development tokens), TLS, and, only when asked for explicitly, none at all.
/// </summary>
public sealed class AuthenticationModeTests(Azurite azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] EveryRegion = ["*"];

    [Fact]
    public async Task A_host_with_an_authority_accepts_its_tokens_and_refuses_development_tokens()
    {
        await using var authority = await FakeAuthority.StartAsync();
        var local = LocalHostSettings.Create(azurite);
        var settings = new Dictionary<string, string?>(local.Values)
        {
            ["Auth:DevelopmentKeyFile"] = "",
            ["Auth:Authority"] = authority.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
        };
        await using var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync(Cancel);
        var address = $"http://127.0.0.1:{local.GrpcPort}";
        using var web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{local.Values["Service:WebPort"]}") };
        using var signIn = await web.PostAsync(new Uri("development/sign-in", UriKind.Relative), JsonContent.Create(new { regions = EveryRegion }), Cancel);
        using var production = TestTokens.Channel(address, authority.Token("carol@inspectorate", "ratinggrid.admin ratinggrid.write ratinggrid.read ratinggrid.unpublished"));
        using var development = TestTokens.Channel(address, TestTokens.Everything("dev"));
        var client = new InspectionService.InspectionServiceClient(production);
        var id = Requests.NewId("authority");

        await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new InspectionService.InspectionServiceClient(development)
            .RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c2", 1)), cancellationToken: Cancel).ResponseAsync);
        var history = await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = id, CaseId = "c1" }, cancellationToken: Cancel);
        var inspection = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);

        Assert.Equal("carol@inspectorate", Assert.Single(history.Revisions).Actor);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("development tokens are refused", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, inspection.Results.Cases);
        // People sign in at the authority: there is no development sign-in to mint tokens.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, signIn.StatusCode);
        await app.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_host_with_a_certificate_serves_grpc_over_tls_only()
    {
        var (certificateFile, keyFile, thumbprint) = SelfSignedCertificate();
        var local = LocalHostSettings.Create(azurite);
        var settings = new Dictionary<string, string?>(local.Values) { ["Service:TlsCertificateFile"] = certificateFile, ["Service:TlsKeyFile"] = keyFile };
        await using var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync(Cancel);
        var trusting = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == thumbprint },
        };
        var token = TestTokens.Everything("tls-client");
        using var secure = GrpcChannel.ForAddress($"https://127.0.0.1:{local.GrpcPort}", new GrpcChannelOptions
        {
            HttpHandler = trusting,
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
        });
        using var plaintext = TestTokens.Channel($"http://127.0.0.1:{local.GrpcPort}", token);

        var rulebooks = await new RulebookService.RulebookServiceClient(secure).ListRulebooksAsync(new ListRulebooksRequest(), cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new RulebookService.RulebookServiceClient(plaintext)
            .ListRulebooksAsync(new ListRulebooksRequest(), cancellationToken: Cancel).ResponseAsync);

        Assert.NotEmpty(rulebooks.Rulebooks);
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        await app.StopAsync(Cancel);
    }

    [Fact]
    public async Task Without_authentication_only_when_asked_and_then_loudly_requests_name_their_actor()
    {
        var local = LocalHostSettings.Create(azurite);
        var settings = new Dictionary<string, string?>(local.Values) { ["Auth:DevelopmentKeyFile"] = "", ["Auth:Mode"] = "None" };
        var logs = new CollectingLoggerProvider();
        await using var app = RatingGridApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync(Cancel);
        using var anonymous = TestTokens.Channel($"http://127.0.0.1:{local.GrpcPort}", token: null);
        var client = new InspectionService.InspectionServiceClient(anonymous);
        var id = Requests.NewId("no-auth");

        await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        var history = await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = id, CaseId = "c1" }, cancellationToken: Cancel);

        Assert.Equal("inspector-1", Assert.Single(history.Revisions).Actor);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("AUTHENTICATION IS OFF", StringComparison.Ordinal));
        await app.StopAsync(Cancel);
    }

    private static (string Certificate, string Key, string Thumbprint) SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var folder = Directory.CreateTempSubdirectory("ratinggrid-tls-").FullName;
        var (certificateFile, keyFile) = (Path.Combine(folder, "tls.crt"), Path.Combine(folder, "tls.key"));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile, certificate.GetCertHashString());
    }

    /// <summary>An OpenID Connect authority on loopback: a discovery document and the public half of its signing key.</summary>
    private sealed class FakeAuthority : IAsyncDisposable
    {
        private static readonly string[] SigningAlgorithms = ["RS256"];
        private readonly WebApplication _app;
        private readonly RsaSecurityKey _key;

        private FakeAuthority(WebApplication app, RsaSecurityKey key, string issuer) => (_app, _key, Issuer) = (app, key, issuer);

        public string Issuer { get; }

        public static async Task<FakeAuthority> StartAsync()
        {
            var port = LocalHostSettings.FreePort();
            var issuer = $"http://127.0.0.1:{port}";
            var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "authority-key" };
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(issuer);
            var app = builder.Build();
            app.MapGet("/.well-known/openid-configuration", () => Microsoft.AspNetCore.Http.Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = $"{issuer}/keys",
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            }));
            app.MapGet("/keys", () => Microsoft.AspNetCore.Http.Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E } },
            }));
            await app.StartAsync(Cancel);
            return new FakeAuthority(app, key, issuer);
        }

        public string Token(string subject, string scope) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "ratinggrid",
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", scope), new Claim(TokenClaims.Region, TokenClaims.AllRegions)]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentBag<(LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Collector(Entries);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentBag<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
