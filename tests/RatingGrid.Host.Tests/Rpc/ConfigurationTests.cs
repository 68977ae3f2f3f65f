using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RatingGrid.Host.Hosting;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Settings are validated when the host is built: a mistake stops it with a message naming the setting.</summary>
public sealed class ConfigurationTests
{
    private static OptionsValidationException BuildFails(params (string Key, string Value)[] settings) =>
        Assert.Throws<OptionsValidationException>(() => RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("Storage:ConnectionString", (string?)"UseDevelopmentStorage=true")))));

    [Theory]
    [InlineData("Storage:Provider", "Cassandra", "Storage:Provider 'Cassandra' is not known")]
    [InlineData("Silo:Clustering", "Consul", "Silo:Clustering 'Consul' is not known")]
    [InlineData("Limits:MaxJudgementsPerBatch", "0", "Limits:MaxJudgementsPerBatch is 0; allowed: 1 to 100000")]
    [InlineData("Service:GrpcPort", "70000", "Service:GrpcPort is 70000; allowed: 0 to 65535")]
    [InlineData("Auth:Mode", "Basic", "Auth:Mode 'Basic' is not known")]
    [InlineData("Auth:Mode", "Jwt", "Set Auth:Authority (production")]
    [InlineData("Auth:DevelopmentKeyFile", "/nonexistent/dev-key", "does not exist")]
    [InlineData("Auth:DevelopmentKey", "c2hvcnQ=", "at least 32")]
    [InlineData("Service:TlsCertificateFile", "/etc/tls.crt", "go together")]
    [InlineData("Auth:Issuer", "https://issuer.example.org", "Auth:Issuer is set without Auth:Authority")]
    public void A_bad_setting_stops_the_host_naming_it(string key, string value, string named)
    {
        var refused = BuildFails((key, value));

        Assert.Contains(refused.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_authority_with_a_development_key_is_refused()
    {
        var refused = BuildFails(("Auth:Authority", "https://login.example.org"), ("Auth:DevelopmentKey", Convert.ToBase64String(new byte[32])));

        Assert.Contains(refused.Failures, f => f.Contains("refuses development tokens", StringComparison.Ordinal));
    }

    [Fact]
    public void Memory_storage_is_refused_for_a_cluster()
    {
        var refused = BuildFails(("Storage:Provider", "Memory"), ("Silo:Clustering", "AzureTable"));

        Assert.Contains(refused.Failures, f => f.Contains("cannot serve a cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_storage_without_a_connection_string_is_refused()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => RatingGridApp.Build([]));

        Assert.Contains(refused.Failures, f => f.Contains("Storage:ConnectionString is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_setting_is_an_error_not_a_silent_default()
    {
        var refused = BuildFails(("Limits:MaxJudgementsPerBacth", "5"));

        Assert.Contains(refused.Failures, f => f.StartsWith("Limits:MaxJudgementsPerBacth is not a setting; Limits has ", StringComparison.Ordinal) && f.Contains("MaxJudgementsPerBatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_out_of_range_setting_stops_the_process_with_exit_code_2_and_one_line_naming_it()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RatingGrid.Host.dll"));
        start.Environment["Storage__ConnectionString"] = "UseDevelopmentStorage=true";
        start.Environment["Limits__MaxConcurrentStreamsPerClient"] = "1000000";
        using var host = System.Diagnostics.Process.Start(start)!;
        var output = host.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = host.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await host.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, host.ExitCode);
        Assert.Equal("", await output);
        Assert.Equal(
            ["ratinggrid: settings: Limits:MaxConcurrentStreamsPerClient is 1000000; allowed: 1 to 100000"],
            (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
