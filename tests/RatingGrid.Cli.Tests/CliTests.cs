using System.Text.Json;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Cli.Tests;

[Collection(nameof(SharedHost))]
public sealed class CliTests(HostFixture host)
{
    private string Server => $"http://127.0.0.1:{host.GrpcPort}";

    private async Task<string> OpenAsync()
    {
        var id = $"cli-{Guid.NewGuid():N}";
        await host.Channel.RegisterAsync("North East", "p1");
        var (exit, _, err) = await CommandLine.RunAsync(Server, "open", id, "--pdu", "p1", "--name", "A PDU", "--region", "North East", "--start", "2025-06-02", "--end", "2025-06-27");
        Assert.True(exit == 0, err);
        return id;
    }

    /// <summary>A judgements CSV for the inspection, in the temporary folder.</summary>
    private static async Task<string> WriteCsvAsync(string id, string csv)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{id}.csv");
        await File.WriteAllTextAsync(file, csv, TestContext.Current.CancellationToken);
        return file;
    }

    [Fact]
    public async Task Registry_commands_add_rename_and_list_and_open_takes_the_region_from_the_pdu()
    {
        var region = $"CLI region {Guid.NewGuid():N}";
        var pdu = $"cli-pdu-{Guid.NewGuid():N}";

        var addRegion = await CommandLine.RunAsync(Server, "registry", "add-region", region);
        var addPdu = await CommandLine.RunAsync(Server, "registry", "add-pdu", pdu, "--name", "First", "--region", region);
        var rename = await CommandLine.RunAsync(Server, "registry", "rename-pdu", pdu, "--name", "Second");
        var listed = await CommandLine.RunAsync(Server, "registry", "list", "--region", region, "--json");
        var changes = await CommandLine.RunAsync(Server, "registry", "changes");
        var opened = await CommandLine.RunAsync(Server, "open", $"cli-reg-{Guid.NewGuid():N}", "--pdu", pdu, "--start", "2025-06-02", "--end", "2025-06-27");
        var unknown = await CommandLine.RunAsync(Server, "open", $"cli-reg-{Guid.NewGuid():N}", "--pdu", $"{pdu}-none", "--start", "2025-06-02", "--end", "2025-06-27");

        Assert.True(addRegion.Exit == 0 && addPdu.Exit == 0 && rename.Exit == 0 && opened.Exit == 0, addRegion.Err + addPdu.Err + rename.Err + opened.Err);
        using (var json = JsonDocument.Parse(listed.Out))
        {
            var only = json.RootElement.GetProperty("pdus").EnumerateArray().Single();
            Assert.Equal((pdu, "Second", region), (only.GetProperty("id").GetString(), only.GetProperty("name").GetString(), only.GetProperty("region").GetString()));
        }

        Assert.Contains($"renamed PDU {pdu} to 'Second'", changes.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, unknown.Exit);
        Assert.Contains("is registered", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_embargo_publish_and_correct_move_an_inspection_through_its_lifecycle()
    {
        var id = await OpenAsync();
        var at = DateTimeOffset.UtcNow.AddDays(2);

        var closed = await CommandLine.RunAsync(Server, "close", id);
        var embargoed = await CommandLine.RunAsync(Server, "embargo", id, "--at", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var published = await CommandLine.RunAsync(Server, "publish", id);
        var refused = await CommandLine.RunAsync(Server, "embargo", id, "--at", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var corrected = await CommandLine.RunAsync(Server, "correct", id, "--reason", "A case was counted twice.");

        Assert.Equal((0, $"{id} is closed."), (closed.Exit, closed.Out.Trim()));
        Assert.Equal(0, embargoed.Exit);
        Assert.Contains($"{id} is embargoed until {at:yyyy-MM-dd HH:mm:ss}Z", embargoed.Out, StringComparison.Ordinal);
        Assert.Equal((0, $"{id} is published."), (published.Exit, published.Out.Trim()));
        Assert.Equal(4, refused.Exit); // the service refused it: published
        Assert.Contains("only a correction", refused.Err, StringComparison.Ordinal);
        Assert.Equal((0, $"{id} is open."), (corrected.Exit, corrected.Out.Trim()));
        var lifecycle = (await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken)).Lifecycle;
        Assert.Equal("A case was counted twice.", lifecycle[^1].Reason);
    }

    [Fact]
    public async Task Export_annexe_tabulates_every_key_question_with_its_interval_every_standard_and_every_breakdown()
    {
        var id = await OpenAsync();
        var file = await WriteCsvAsync(id, """
            case_id,revision,case_type,trait:gender,P2.1.E,P2.1.D,P2.1.S
            c1,1,community,female,yes,no,n/a
            c2,1,licence,male,yes,yes,no
            c3,1,licence,male,no,yes,no
            """);
        Assert.Equal(0, (await CommandLine.RunAsync(Server, "import", file, "--inspection", id)).Exit);

        var (exit, csv, err) = await CommandLine.RunAsync(Server, "export", "annexe", "--inspection", id);
        var (jsonExit, json, _) = await CommandLine.RunAsync(Server, "export", "annexe", "--inspection", id, "--format", "json");
        var (missingExit, _, missingErr) = await CommandLine.RunAsync(Server, "export", "annexe");

        Assert.True(exit == 0, err);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("section,breakdown,id,yes,no,not_applicable,applicable,percent,interval_95_low,interval_95_high,rating,driven_by,provisional", rows[0]);
        // P2.1.E: 2 of 3 = 67%; Wilson 95%: 20.8% to 93.9%.
        Assert.Contains("key_question,,P2.1.E,2,1,0,3,67,20.8,93.9,,,", rows);
        Assert.Contains(rows, r => r.StartsWith("standard,,P2.1,", StringComparison.Ordinal) && r.Contains(",P2.1.S,", StringComparison.Ordinal));
        Assert.Contains("key_question,gender=male,P2.1.E,1,1,0,2,50,9.5,90.5,,,", rows);
        Assert.Equal(0, jsonExit);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(id, parsed.RootElement.GetProperty("inspection").GetProperty("inspectionId").GetString());
        Assert.True(parsed.RootElement.GetProperty("breakdowns").GetProperty("breakdowns").GetArrayLength() > 0);
        Assert.Equal(2, missingExit);
        Assert.Contains("--inspection", missingErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_prints_the_published_redcar_figures_publishes_redcar_and_records_the_national_picture()
    {
        var (exit, output, error) = await CommandLine.RunAsync(Server, "demo");

        Assert.True(exit == 0, error);
        Assert.Contains("Score 5 / 21; overall rating: Requires improvement", output, StringComparison.Ordinal);
        foreach (var published in new[] { "31 / 44", "70%", "13 / 44", "30%", "27 / 43", "63%", "18 / 43", "42%" })
        {
            Assert.Contains(published, output, StringComparison.Ordinal);
        }

        // Redcar from its cases, published as it was; every other published inspection from its report.
        var id = System.Text.RegularExpressions.Regex.Match(output, @"inspection\s+(demo-redcar-\d+)").Groups[1].Value;
        var redcar = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(InspectionStatus.Published, redcar.Status);
        var aggregation = new AggregationService.AggregationServiceClient(host.Channel);
        var overview = await Eventually.Until(() => aggregation.GetNationOverviewAsync(new ReportRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync,
            o => o.Regions.Any(r => r.Region == "London"), TestContext.Current.CancellationToken);

        // The nation follows the inspection a moment later; once it holds the demo's Redcar, that
        // replaces Redcar's published entry (recorded here too if the import test ran first).
        var nation = await Eventually.Until(() => aggregation.GetNationReportAsync(new ReportRequest { IncludeInspections = true }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync,
            n => n.Inspections.Any(i => i.InspectionId == id), TestContext.Current.CancellationToken);
        // Counted over the shared file's PDUs only: other tests on this host record published
        // entries of their own (the malformed-file test records Brent's).
        var filePdus = await PdusOfThePublishedFileAsync();
        var records = nation.Inspections.Where(i => i.PublishedReport is not null && filePdus.Contains(i.PduId)).Select(i => i.PduId).ToHashSet();
        Assert.Equal(42, filePdus.Count);
        Assert.Equal(filePdus.Where(p => p != "redcar-cleveland-middlesbrough").Order(), records.Order());
        Assert.Equal(18, overview.Regions.Single(r => r.Region == "London").Registered); // no test adds PDUs to London
    }

    private async Task<HashSet<string>> PdusOfThePublishedFileAsync()
    {
        var file = Path.Combine(AzuriteProcess.RepositoryRoot(), "..", "shared", "data", "published-pdu-inspections-2023.json");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        var registry = await new RegistryService.RegistryServiceClient(host.Channel).ListPdusAsync(new ListPdusRequest(), cancellationToken: TestContext.Current.CancellationToken);
        var ids = registry.Pdus.SelectMany(p => p.Aliases.Prepend(p.Name).Select(name => (name, p.Id)))
            .ToLookup(n => n.name, n => n.Id, StringComparer.OrdinalIgnoreCase);
        return [.. json.RootElement.EnumerateArray().Select(e => ids[e.GetProperty("pdu").GetString()!].Distinct().Single())];
    }

    [Fact]
    public async Task Importing_the_published_record_twice_records_each_inspection_once()
    {
        var file = Path.Combine(AzuriteProcess.RepositoryRoot(), "..", "shared", "data", "published-pdu-inspections-2023.json");

        var first = await CommandLine.RunAsync(Server, "import", "published", file);
        var again = await CommandLine.RunAsync(Server, "import", "published", file);

        Assert.True(first.Exit == 0, first.Err);
        Assert.Matches("Recorded [0-9]+ published inspection\\(s\\) from published-pdu-inspections-2023.json; [0-9]+ already held; 0 problem\\(s\\)", first.Out);
        Assert.Equal((0, "Recorded 0 published inspection(s) from published-pdu-inspections-2023.json; 42 already held; 0 problem(s)."), (again.Exit, again.Out.Trim()));
        var york = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = "report-york-2024" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((Rating.Inadequate, "", InspectionStatus.Published), (york.PublishedReport.Overall, york.PublishedReport.SourceUrl, york.Status));
        Assert.Contains("without a URL", york.PublishedReport.Notes, StringComparison.Ordinal); // no address was found: the notes say where the figures came from
    }

    [Fact]
    public async Task A_malformed_published_entry_is_refused_with_its_index_and_field_and_nothing_of_it_is_stored()
    {
        var file = Path.Combine(Path.GetTempPath(), $"published-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [
              { "pdu": "Brent", "region": "London", "overall": "Good", "published": "2026-03", "url": "https://example.org/brent" },
              { "pdu": "Croydon", "region": "London", "overall": "Excellent", "published": "2026", "url": "https://example.org/croydon" },
              { "pdu": "Atlantis", "region": "London", "overall": "Good", "published": "2026", "url": "https://example.org/atlantis" },
              { "pdu": "Southwark", "region": "London", "overall": "Good", "score": 99, "published": "2026", "url": "https://example.org/southwark" }
            ]
            """, TestContext.Current.CancellationToken);

        var (exit, output, error) = await CommandLine.RunAsync(Server, "import", "published", file);

        Assert.Equal(3, exit);
        Assert.Contains("entry[1].overall: 'Excellent' is not a rating", error, StringComparison.Ordinal);
        Assert.Contains("entry[2].pdu: 'Atlantis' is not a registered PDU", error, StringComparison.Ordinal);
        Assert.Contains("entry[3] (Southwark): InvalidArgument", error, StringComparison.Ordinal);
        Assert.Contains("report.score", error, StringComparison.Ordinal);
        Assert.StartsWith("Recorded 1 published inspection(s)", output, StringComparison.Ordinal);
        foreach (var refused in new[] { "report-croydon-2026", "report-southwark-2026" })
        {
            var missing = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = refused }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(Rating.Good, (await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = "report-brent-2026" }, cancellationToken: TestContext.Current.CancellationToken)).PublishedReport.Overall);
    }

    [Fact]
    public async Task Import_then_show_round_trips_a_csv_and_json_matches_the_service()
    {
        var id = await OpenAsync();
        var file = await WriteCsvAsync(id, """
            case_id,revision,case_type,trait:gender,P2.1.E,P2.1.D,P2.1.S
            c1,1,community,female,yes,no,n/a
            c2,1,licence,male,yes,yes,no
            c3,2,community,,no,,yes
            """);

        var imported = await CommandLine.RunAsync(Server, "import", file, "--inspection", id);
        var shown = await CommandLine.RunAsync(Server, "show", id, "--json");

        Assert.True(imported.Exit == 0, imported.Err);
        Assert.Contains("3 applied", imported.Out, StringComparison.Ordinal);
        var service = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(shown.Out);
        var keyQuestions = json.RootElement.GetProperty("results").GetProperty("keyQuestions").EnumerateArray().ToList();
        Assert.Equal(service.Results.KeyQuestions.Select(k => (k.KeyQuestionId, k.Yes, k.Applicable)),
            keyQuestions.Select(k => (k.GetProperty("keyQuestionId").GetString()!, k.GetProperty("yes").GetInt32(), k.GetProperty("applicable").GetInt32())));
        Assert.Equal(3, json.RootElement.GetProperty("results").GetProperty("cases").GetInt32());
        Assert.Equal(2, service.Results.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.E").Yes);

        var again = await CommandLine.RunAsync(Server, "import", file, "--inspection", id);
        Assert.Contains("3 already held", again.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty file", "", "1:1:" },
        { "missing case_id column", "revision,case_type,P2.1.E\n1,community,yes\n", "1:4: the header has no 'case_id' column" },
        { "missing revision column", "case_id,case_type,P2.1.E\nc1,community,yes\n", "1:4: the header has no 'revision' column" },
        { "unknown key question", "case_id,revision,case_type,P9.9.X\nc1,1,community,yes\n", "1:4: 'P9.9.X' is not a key question" },
        { "duplicate column", "case_id,revision,case_type,P2.1.E,P2.1.E\nc1,1,community,yes,no\n", "1:5: column 'P2.1.E' appears twice" },
        { "bad answer", "case_id,revision,case_type,P2.1.E\nc1,1,community,maybe\n", "2:4: 'maybe' is not an answer" },
        { "revision zero", "case_id,revision,case_type,P2.1.E\nc1,0,community,yes\n", "2:2: revision '0'" },
        { "revision not a number", "case_id,revision,case_type,P2.1.E\nc1,two,community,yes\n", "2:2: revision 'two'" },
        { "unknown case type", "case_id,revision,case_type,P2.1.E\nc1,1,custody,yes\n", "2:3: case_type 'custody'" },
        { "empty case id", "case_id,revision,case_type,P2.1.E\n,1,community,yes\n", "2:1: case_id is empty" },
        { "duplicate case with other answers", "case_id,revision,case_type,P2.1.E\nc1,1,community,yes\nc1,1,community,no\n", "3:1: case 'c1' appears again with other content (first at line 2)" },
        { "too few columns", "case_id,revision,case_type,P2.1.E\nc1,1,community\n", "2:4: 3 columns where the header has 4" },
        { "too many columns", "case_id,revision,case_type,P2.1.E\nc1,1,community,yes,no\n", "2:5: 5 columns where the header has 4" },
        { "unclosed quote", "case_id,revision,case_type,P2.1.E\n\"c1,1,community,yes\n", "2:" },
        { "header only", "case_id,revision,case_type,P2.1.E\n", "2:1: the file has a header but no cases" },
        { "blank line between rows", "case_id,revision,case_type,P2.1.E\nc1,1,community,yes\n\nc2,1,community,no\n", "3:1: blank line" },
        { "not utf-8", "case_id,revision,case_type,P2.1.E\nc\u00ff1,1,community,yes\n", "2:2: the file is not UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Each_bad_csv_gets_its_own_located_error_and_nothing_is_sent(string kind, string content, string expected)
    {
        var id = await OpenAsync();
        var file = Path.Combine(Path.GetTempPath(), $"{id}.csv");
        var bytes = kind == "not utf-8"
            ? [.. System.Text.Encoding.Latin1.GetBytes(content)]
            : System.Text.Encoding.UTF8.GetBytes(content);
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
        var before = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);

        var (exit, _, error) = await CommandLine.RunAsync(Server, "import", file, "--inspection", id);

        Assert.Equal(3, exit);
        Assert.Contains($"{Path.GetFileName(file)}:{expected}", error, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error, StringComparison.Ordinal);
        var after = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(0, after.Results.Cases);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("open")]
    [InlineData("import")]
    [InlineData("region")]
    [InlineData("national")]
    [InlineData("demo")]
    [InlineData("watch")]
    [InlineData("export")]
    [InlineData("bench")]
    [InlineData("close")]
    [InlineData("embargo")]
    [InlineData("publish")]
    [InlineData("correct")]
    public async Task Every_command_describes_itself(string command)
    {
        var (exit, output, _) = await CommandLine.RunAsync(Server, command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("show", "x", "--colour")]
    public async Task Unknown_commands_and_options_exit_non_zero_with_usage(params string[] args)
    {
        var (exit, _, error) = await CommandLine.RunAsync(Server, args);

        Assert.Equal(2, exit);
        Assert.Contains("ratinggrid --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_what_to_do()
    {
        var (exit, _, error) = await CommandLine.RunAsync($"http://127.0.0.1:{RatingGrid.Testing.LocalHostSettings.FreePort()}", "show", "anything");

        Assert.Equal(5, exit);
        Assert.Contains("Cannot reach RatingGrid", error, StringComparison.Ordinal);
    }
}

[Collection(nameof(SharedHost))]
public sealed class CliReadingTests(HostFixture host)
{
    private string Server => $"http://127.0.0.1:{host.GrpcPort}";

    private async Task<string> InspectionWithCasesAsync(string region)
    {
        var id = $"cli-read-{Guid.NewGuid():N}";
        await host.Channel.RegisterAsync(region, Registrations.PduIn(region));
        Assert.Equal(0, (await CommandLine.RunAsync(Server, "open", id, "--pdu", Registrations.PduIn(region), "--name", "Read, PDU", "--region", region, "--start", "2025-06-02", "--end", "2025-06-27")).Exit);
        var file = Path.Combine(Path.GetTempPath(), $"{id}.csv");
        await File.WriteAllTextAsync(file, "case_id,revision,case_type,P2.1.E\nc1,1,community,yes\nc2,1,licence,no\n", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await CommandLine.RunAsync(Server, "import", file, "--inspection", id)).Exit);
        return id;
    }

    [Fact]
    public async Task Watch_prints_the_current_state()
    {
        var id = await InspectionWithCasesAsync("Watchers");

        var (exit, output, error) = await CommandLine.RunAsync(Server, "watch", id, "--updates", "1");

        Assert.True(exit == 0, error);
        Assert.Contains("1 / 2", output, StringComparison.Ordinal);
        Assert.Contains("50%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Region_and_national_json_parse_and_match_the_service()
    {
        var region = $"cli-region-{Guid.NewGuid():N}";
        await InspectionWithCasesAsync(region);

        var regional = await RatingGrid.Testing.Eventually.Until(() => CommandLine.RunAsync(Server, "region", region, "--json"), r => r.Out.Contains("\"cases\": 2", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(regional.Out);
        var figures = json.RootElement.GetProperty("rulebooks")[0];
        Assert.Equal(1, figures.GetProperty("inspections").GetInt32());
        Assert.Equal(2, figures.GetProperty("cases").GetInt32());

        var (exit, output, _) = await CommandLine.RunAsync(Server, "national", "--json");
        Assert.Equal(0, exit);
        using var national = System.Text.Json.JsonDocument.Parse(output);
        Assert.True(national.RootElement.GetProperty("inspections").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Export_national_as_csv_has_a_header_and_a_row_per_inspection()
    {
        var id = await InspectionWithCasesAsync($"cli-export-{Guid.NewGuid():N}");

        var (exit, output, _) = await RatingGrid.Testing.Eventually.Until(() => CommandLine.RunAsync(Server, "export", "national", "--format", "csv"), r => r.Out.Contains(id, StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("inspection_id,pdu_name,region,rulebook,version,cases,score,overall,P1.1", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"{id},\"Read, PDU\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bench_reports_the_judgements_it_had_acknowledged()
    {
        var (exit, output, error) = await CommandLine.RunAsync(Server, "bench", "--inspections", "2", "--cases", "5", "--revisions", "2", "--streams", "2", "--batch", "5", "--seconds", "60");

        Assert.True(exit == 0, error);
        Assert.Contains("20 judgements acknowledged", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdus_national_and_export_report_the_current_picture_or_a_period()
    {
        var region = $"cli-report-{Guid.NewGuid():N}";
        var pdu = $"pdu-{Guid.NewGuid():N}";
        var older = $"cli-old-{Guid.NewGuid():N}";
        var newer = $"cli-new-{Guid.NewGuid():N}";
        await host.Channel.RegisterAsync(region, pdu);
        foreach (var (id, year) in new[] { (older, 2022), (newer, 2025) })
        {
            var opened = await CommandLine.RunAsync(Server, "open", id, "--pdu", pdu, "--name", "Report PDU", "--region", region, "--start", $"{year}-03-03", "--end", $"{year}-03-28");
            Assert.True(opened.Exit == 0, opened.Err);
            Assert.Equal(0, (await CommandLine.RunAsync(Server, "close", id)).Exit);
            Assert.Equal(0, (await CommandLine.RunAsync(Server, "publish", id)).Exit);
        }

        var pdus = await RatingGrid.Testing.Eventually.Until(() => CommandLine.RunAsync(Server, "pdus", "--region", region, "--json"),
            r => r.Out.Contains(newer, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        using (var json = JsonDocument.Parse(pdus.Out))
        {
            Assert.Equal([newer], json.RootElement.GetProperty("inspections").EnumerateArray().Select(i => i.GetProperty("inspectionId").GetString()));
        }

        var period = await CommandLine.RunAsync(Server, "national", "--region", region, "--from", "2020-01-01", "--to", "2030-12-31", "--basis", "fieldwork", "--json");
        using (var json = JsonDocument.Parse(period.Out))
        {
            Assert.Equal(2, json.RootElement.GetProperty("inspections").GetArrayLength());
            Assert.Equal(1, json.RootElement.GetProperty("rulebooks")[0].GetProperty("current").GetProperty("pdus").GetInt32());
        }

        var table = await CommandLine.RunAsync(Server, "region", region, "--as-of", "2021-01-01");
        Assert.True(table.Exit == 0, table.Err);
        Assert.Contains("current picture as of 2021-01-01", table.Out, StringComparison.Ordinal);
        Assert.Contains("No inspection counts.", table.Out, StringComparison.Ordinal);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await CommandLine.RunAsync(Server, "export", "national", "--as-of", today);
        Assert.Contains(csv.Out.Split('\n'), l => l.StartsWith(newer + ",", StringComparison.Ordinal));
        Assert.DoesNotContain(older, csv.Out, StringComparison.Ordinal);

        var halfPeriod = await CommandLine.RunAsync(Server, "national", "--from", "2025-01-01");
        Assert.NotEqual(0, halfPeriod.Exit);
        Assert.Contains("--from and --to", halfPeriod.Err, StringComparison.Ordinal);
    }
}
