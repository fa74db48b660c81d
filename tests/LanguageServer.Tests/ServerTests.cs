using System.Text.Json;

namespace VirtLang.LanguageServer.Tests;

/// <summary>The server in process over the real framing: completion in each context, cancellation, the per-model cache, refusals that keep it alive.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private const string Uri = "file:///models/lab.vdl";

    private const string Model = """
        os rhel8 {
          family  = linux
          version = "8.6"
        }

        hardware box {
          memory = 64GiB
        }

        app web {
          demand {
            cpu = 2
            io  = moderate
          }
        }

        host h1 : box {
          vm web-vm {
            vcpus  = 2
            memory = 4GiB
          }
        }

        scenario day {
          duration = 1d
        }

        """;

    private readonly LspSession _session = new(TimeSpan.FromMilliseconds(10));

    public async Task InitializeAsync()
    {
        await _session.InitializeAsync();
        await _session.OpenAsync(Uri, Model);
        await _session.DiagnosticsAsync(Uri, 1);
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData(17, 4, "vm,container,hypervisor,disk,nic,cpu,power,os,patch,runs,count")] // a member's start in a host
    [InlineData(12, 4, "memory,profile")]                                                // in demand, beside what is written
    [InlineData(24, 2, "at,step,seed")]                                                  // in a scenario
    [InlineData(0, 0, "os,hardware,app,host,cluster,scenario,import")]                   // top level
    public async Task CompletionAtAMembersStartOffersTheBlocksAttributesAndChildren(int line, int character, string expected)
    {
        await InsertLineAsync(line, 2);
        var labels = await LabelsAsync(line, character);
        Assert.All(expected.Split(','), e => Assert.Contains(e, labels));
        Assert.DoesNotContain(line == 24 ? "duration" : line == 12 ? "cpu" : "-", labels); // already written
    }

    [Fact]
    public async Task WithSnippetsABlockKindInsertsTheWholeBlock()
    {
        await using var session = new LspSession(TimeSpan.FromMilliseconds(10));
        await session.InitializeAsync(capabilities: new { textDocument = new { completion = new { completionItem = new { snippetSupport = true } } } });
        await session.OpenAsync(Uri, Model);

        var top = await CompletionItemsAsync(session, 4, 0);
        Assert.Equal("os ${1:name} {\n\tfamily = $2\n}", top["os"].GetProperty("insertText").GetString());
        Assert.Equal(2, top["os"].GetProperty("insertTextFormat").GetInt32());
        Assert.Equal("import \"$1\"", top["import"].GetProperty("insertText").GetString());

        var inHost = await CompletionItemsAsync(session, 17, 2); // the start of the line of `vm web-vm {`, inside host h1
        Assert.Equal("vm ${1:name} {\n\tmemory = $2\n\tvcpus = $3\n}", inHost["vm"].GetProperty("insertText").GetString());
        Assert.Equal("hypervisor {\n\tkind = $1\n}", inHost["hypervisor"].GetProperty("insertText").GetString());

        // Without the capability (this class's session): the word alone.
        var plain = await CompletionItemsAsync(_session, 4, 0);
        Assert.False(plain["os"].TryGetProperty("insertTextFormat", out _));
    }

    [Fact]
    public async Task HoverSaysWhereASiteIsAndWhichHostsStandInIt()
    {
        const string sites = "file:///models/sites.vdl";
        await using var session = new LspSession(TimeSpan.FromMilliseconds(10));
        await session.InitializeAsync();
        await session.OpenAsync(sites, "site east {\n  location = \"Frankfurt\"\n}\napp web {\n  rto = 15m\n}\nhost h {\n  site  = east\n  count = 3\n}\n");

        async Task<string> HoverAsync(int line, int character) =>
            (await session.RequestAsync("textDocument/hover", LspSession.Position(sites, line, character))).GetProperty("result").GetProperty("contents").GetProperty("value").GetString()!;

        var site = await HoverAsync(0, 6);
        Assert.Contains("- location: Frankfurt", site, StringComparison.Ordinal);
        Assert.Contains("- hosts: h (×3)", site, StringComparison.Ordinal);
        Assert.Contains("- site: east", await HoverAsync(6, 5), StringComparison.Ordinal);
        Assert.Contains("rto: 15m", await HoverAsync(3, 4), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, JsonElement>> CompletionItemsAsync(LspSession session, int line, int character)
    {
        var response = await session.RequestAsync("textDocument/completion", LspSession.Position(Uri, line, character));
        return response.GetProperty("result").GetProperty("items").EnumerateArray()
            .GroupBy(i => i.GetProperty("label").GetString()!)
            .ToDictionary(g => g.Key, g => g.First());
    }

    [Fact]
    public async Task CompletionOfValuesFollowsTheAttributesType()
    {
        Assert.Equal(["light", "moderate", "heavy"], await LabelsAfterTypingAsync(11, "    io = "));
        Assert.Equal(["constant", "diurnal", "weekly", "spiky", "trace"], await LabelsAfterTypingAsync(11, "    profile = "));
        Assert.Equal(["box"], await LabelsAsync(16, 10)); // after `host h1 : `: a hardware, never a host
        Assert.Equal(["web"], await LabelsAfterTypingAsync(19, "    runs = ["));
        Assert.Equal(["true", "false"], await LabelsAfterTypingAsync(19, "    privileged = "));
        var units = await LabelsAfterTypingAsync(19, "    disk = 64G");
        Assert.Contains("GiB", units);
        Assert.DoesNotContain("Gbps", units);
        Assert.Equal(["scale", "fail", "crash", "migrate", "patch"], await LabelsAfterTypingAsync(24, "  at 2h "));
        Assert.Equal(["web"], await LabelsAfterTypingAsync(24, "  at 2h scale "));
        Assert.Equal(["site", "h1"], await LabelsAfterTypingAsync(24, "  at 2h fail "));
        Assert.Empty(await LabelsAfterTypingAsync(24, "  at 2h fail site ")); // the model declares no site
        Assert.Equal(["h1"], await LabelsAfterTypingAsync(24, "  at 2h migrate web-vm to "));
        Assert.Empty(await LabelsAfterTypingAsync(19, "    // memory = "));
    }

    [Fact]
    public async Task AUnitCompletionReplacesTheNumberItFollows()
    {
        await InsertLineAsync(19, 2, "    disk = 64G");
        var response = await _session.RequestAsync("textDocument/completion", LspSession.Position(Uri, 19, 14));
        var gib = response.GetProperty("result").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == "GiB");
        Assert.Equal("64GiB", gib.GetProperty("textEdit").GetProperty("newText").GetString());
        Assert.Equal(11, gib.GetProperty("textEdit").GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task AnEditReChecksOnlyTheModelsThatContainTheFile()
    {
        const string other = "file:///models/other.vdl";
        await _session.OpenAsync(other, "os solaris {\n  family = solaris\n}\n");
        await _session.DiagnosticsAsync(other, 1);
        var before = _session.Server.CompilationCount;

        await Change(other, 2, 0, 0, "// a comment\n");
        await _session.DiagnosticsAsync(other, 2);
        await _session.RequestAsync("textDocument/hover", LspSession.Position(Uri, 16, 6));
        Assert.Equal(before + 1, _session.Server.CompilationCount); // other.vdl again; lab.vdl kept its model
    }

    [Fact]
    public async Task AChangeToAnImportedFileReChecksTheFilesThatImportIt()
    {
        const string catalog = "file:///models/cat.vdl";
        const string site = "file:///models/site2.vdl";
        await _session.OpenAsync(catalog, "hardware box2 {\n  memory = 8GiB\n}\n");
        await _session.OpenAsync(site, "import \"cat.vdl\"\n\nhost hx : box2 {\n}\n");
        var clean = await _session.DiagnosticsAsync(site, 1);
        Assert.DoesNotContain(clean.GetProperty("params").GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("box2", StringComparison.Ordinal));

        // Only the catalog changes (unsaved): the site, still at version 1, is checked again against the new text.
        await Change(catalog, 2, 0, 12, "x");
        var again = await _session.NotificationAsync(n => n.GetProperty("method").GetString() == "textDocument/publishDiagnostics"
            && n.GetProperty("params").GetProperty("uri").GetString() == site
            && n.GetProperty("params").GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("message").GetString()!.Contains("box2", StringComparison.Ordinal)));
        Assert.Equal(1, again.GetProperty("params").GetProperty("version").GetInt32());
        var error = again.GetProperty("params").GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("message").GetString()!.Contains("box2", StringComparison.Ordinal));
        Assert.Equal(2, error.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task ACancelledRequestIsAnsweredAsCancelled()
    {
        // Hold the server's lock so the dispatcher waits in the first request while the second is cancelled.
        using var acquired = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (_session.Server.Gate)
            {
                acquired.Set();
                release.Wait();
            }
        });
        holder.Start();
        acquired.Wait();
        var busy = _session.RequestAsync("textDocument/hover", LspSession.Position(Uri, 16, 6));
        var cancelled = _session.RequestAsync("textDocument/hover", LspSession.Position(Uri, 16, 6), out var id);
        await _session.NotifyAsync("$/cancelRequest", new { id });

        // The reader takes the cancellation while the dispatcher still waits: wait for that, not for a time.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_session.Server.CancelledCount == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, _session.Server.CancelledCount);
        release.Set();
        holder.Join();

        Assert.True((await busy).TryGetProperty("result", out _));
        Assert.Equal(-32800, (await cancelled).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task BadRequestsAreRefusedAndTheServerGoesOn()
    {
        var notOpen = await _session.RequestAsync("textDocument/hover", LspSession.Position("file:///nowhere.vdl", 0, 0));
        Assert.Equal(-32602, notOpen.GetProperty("error").GetProperty("code").GetInt32());
        var noPosition = await _session.RequestAsync("textDocument/hover", new { textDocument = new { uri = Uri } });
        Assert.Equal(-32602, noPosition.GetProperty("error").GetProperty("code").GetInt32());
        var wrongType = await _session.RequestAsync("textDocument/hover", new { textDocument = new { uri = 42 }, position = new { line = 0, character = 0 } });
        Assert.Equal(-32602, wrongType.GetProperty("error").GetProperty("code").GetInt32());

        // A notification whose handler throws is logged and dropped; the document is unchanged.
        await _session.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version = 9 }, contentChanges = 5 });
        await _session.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":");
        var parseError = await _session.NotificationAsync(n => n.TryGetProperty("error", out var e) && e.GetProperty("code").GetInt32() == -32700);
        Assert.Equal(JsonValueKind.Null, parseError.GetProperty("id").ValueKind);
        var hover = await _session.RequestAsync("textDocument/hover", LspSession.Position(Uri, 16, 6));
        Assert.Contains("host h1 : box", hover.GetProperty("result").GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HighlightsMarkTheDeclarationAsAWriteAndEachUseAsARead()
    {
        var response = await _session.RequestAsync("textDocument/documentHighlight", LspSession.Position(Uri, 16, 11));
        var highlights = response.GetProperty("result").EnumerateArray()
            .Select(h => (Line: h.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
                From: h.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32(),
                To: h.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32(),
                Kind: h.GetProperty("kind").GetInt32()))
            .ToList();
        Assert.Equal([(5, 9, 12, 3), (16, 10, 13, 2)], highlights);

        var nothing = await _session.RequestAsync("textDocument/documentHighlight", LspSession.Position(Uri, 6, 3));
        Assert.Empty(nothing.GetProperty("result").EnumerateArray());
    }

    [Fact]
    public async Task FoldingCoversBlocksListsCommentsAndRegions()
    {
        const string uri = "file:///models/folding.vdl";
        await _session.OpenAsync(uri, """
            // region Catalog
            // The operating systems
            // that guests may run.
            os rhel8 {
              family  = linux
              drivers = [
                "nvme",
                "mlx5",
              ]
            }
            // endregion

            /* A block
               comment. */
            host h1 { memory = 1GiB }
            hardware box { // why it is here
              memory = 8GiB }
            host h2 {
              vm web-vm : tmpl
              container c {
                image = "x"
              }
            }
            """);
        var response = await _session.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri } });
        var ranges = response.GetProperty("result").EnumerateArray()
            .Select(r => (r.GetProperty("startLine").GetInt32(), r.GetProperty("endLine").GetInt32(), r.TryGetProperty("kind", out var k) ? k.GetString() : null))
            .ToList();
        Assert.Equal<(int, int, string?)>(
        [
            (0, 10, "region"),
            (1, 2, "comment"),
            (3, 8, null),   // os: its `}` on line 9 stays visible
            (5, 7, null),   // the list: its `]` on line 8 stays visible
            (12, 13, "comment"),
            (15, 16, null), // a `}` after code folds with its line
            (17, 21, null), // a guest without braces (the parser supplies both) leaves its host's fold whole
            (19, 20, null),
        ], ranges);
    }

    [Theory]
    [InlineData(3, 22, 0)] // just after `(`
    [InlineData(3, 28, 1)] // in the second positional argument: the second in order, `base`
    [InlineData(3, 34, 2)] // in `peak_at = `: the named one, whatever its position
    [InlineData(4, 27, 1)] // an unclosed call, after its comma
    [InlineData(4, 28, 1)] // and after the space that follows
    public async Task SignatureHelpShowsTheProfileAndTheArgumentBeingWritten(int line, int character, int active)
    {
        const string uri = "file:///models/signature.vdl";
        await _session.OpenAsync(uri, """
            app web {
              demand {
                cpu     = 2
                profile = diurnal(70%, 10%, peak_at = 13h)
                other   = weekly(40%,
              }
            }
            """.Replace("(40%,", "(40%, ", StringComparison.Ordinal)); // a space after the comma, as typing leaves it
        var response = await _session.RequestAsync("textDocument/signatureHelp", LspSession.Position(uri, line, character));
        var help = response.GetProperty("result");
        var signature = help.GetProperty("signatures")[0];
        var label = signature.GetProperty("label").GetString()!;
        Assert.Equal(line == 3 ? "diurnal(peak: percentage, base?: percentage, peak_at?: duration)" : "weekly(weekday: percentage, weekend: percentage, base?: percentage, peak_at?: duration)", label);
        Assert.Equal(active, help.GetProperty("activeParameter").GetInt32());
        var parameter = signature.GetProperty("parameters")[active];
        var range = parameter.GetProperty("label").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        string[] names = line == 3 ? ["peak", "base", "peak_at"] : ["weekday", "weekend"];
        Assert.StartsWith(names[active] + (active == 0 || line == 4 ? ":" : "?:"), label[range[0]..range[1]], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(parameter.GetProperty("documentation").GetString()));

        var outside = await _session.RequestAsync("textDocument/signatureHelp", LspSession.Position(uri, 2, 14));
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task InlayHintsNameThePositionalProfileArgumentsInTheRange()
    {
        const string uri = "file:///models/hints.vdl";
        await _session.OpenAsync(uri, """
            app a {
              demand {
                profile = spiky(10%, 80%, lasts = 5m)
              }
            }
            app b {
              demand {
                profile = constant(50%)
              }
            }
            """);
        var all = await HintsAsync(uri, 0, 10);
        Assert.Equal(["2:20 base:", "2:25 peak:", "7:23 level:"], all);
        Assert.Equal(["7:23 level:"], await HintsAsync(uri, 6, 9)); // only what the editor shows
    }

    private async Task<List<string>> HintsAsync(string uri, int fromLine, int toLine)
    {
        var response = await _session.RequestAsync("textDocument/inlayHint", new
        {
            textDocument = new { uri },
            range = new { start = new { line = fromLine, character = 0 }, end = new { line = toLine, character = 0 } },
        });
        return [.. response.GetProperty("result").EnumerateArray().Select(h =>
            $"{h.GetProperty("position").GetProperty("line").GetInt32()}:{h.GetProperty("position").GetProperty("character").GetInt32()} {h.GetProperty("label").GetString()}")];
    }

    [Fact]
    public async Task SelectionGrowsFromTheWordToTheFile()
    {
        var response = await _session.RequestAsync("textDocument/selectionRange", new
        {
            textDocument = new { uri = Uri },
            positions = new[] { new { line = 6, character = 13 }, new { line = 12, character = 5 } },
        });
        var chains = response.GetProperty("result").EnumerateArray().Select(Chain).ToList();

        // `64GiB`, its attribute (the block's only member), `hardware box { ... }`, the file.
        Assert.Equal(["6:11-6:16", "6:2-6:16", "5:0-7:1", "0:0-26:0"], chains[0]);

        // `io`, `io = moderate`, the members of `demand`, `demand { ... }` (also all the members of `app web`), the app, ...
        Assert.Equal(["12:4-12:6", "12:4-12:18", "11:4-12:18", "10:2-13:3", "9:0-14:1", "0:0-26:0"], chains[1]);

        static List<string> Chain(JsonElement range)
        {
            var found = new List<string>();
            for (JsonElement? at = range; at is { } r; at = r.TryGetProperty("parent", out var p) ? p : null)
            {
                var s = r.GetProperty("range").GetProperty("start");
                var e = r.GetProperty("range").GetProperty("end");
                found.Add($"{s.GetProperty("line").GetInt32()}:{s.GetProperty("character").GetInt32()}-{e.GetProperty("line").GetInt32()}:{e.GetProperty("character").GetInt32()}");
            }

            return found;
        }
    }

    [Fact]
    public async Task AWarningOrAdviceCanBeSilencedOnItsLineButNotAnError()
    {
        var advice = await ActionsAsync(0);
        var silence = advice.Single(a => a.GetProperty("title").GetString()!.StartsWith("Silence VDL5004", StringComparison.Ordinal));
        var edit = silence.GetProperty("edit").GetProperty("changes").GetProperty(Uri)[0];
        Assert.Equal("// vdl-disable-next-line VDL5004\n", edit.GetProperty("newText").GetString());
        Assert.Equal(0, edit.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        // Applied, the advice is gone from that line (the comment moved it to line 1).
        await InsertLineAsync(0, 2, edit.GetProperty("newText").GetString()!.TrimEnd('\n'));
        var after = await _session.DiagnosticsAsync(Uri, 2);
        Assert.DoesNotContain(after.GetProperty("params").GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("code").GetString() == "VDL5004" && d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 1);

        // The vm's error (no hypervisor, line 18 now) has no such action.
        var error = await ActionsAsync(18);
        Assert.DoesNotContain(error, a => a.GetProperty("title").GetString()!.StartsWith("Silence", StringComparison.Ordinal));

        // Under a directive for another code, the code joins it.
        const string other = "file:///models/directive.vdl";
        await _session.OpenAsync(other, "  // vdl-disable-next-line VDL1010\r\n  os solo {\r\n  family = linux\r\n}\r\n");
        await _session.DiagnosticsAsync(other, 1);
        var join = (await ActionsAsync(1, other)).Single(a => a.GetProperty("title").GetString()!.StartsWith("Silence VDL5004", StringComparison.Ordinal))
            .GetProperty("edit").GetProperty("changes").GetProperty(other)[0];
        Assert.Equal(" VDL5004", join.GetProperty("newText").GetString());
        Assert.Equal(0, join.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(34, join.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

        async Task<List<JsonElement>> ActionsAsync(int line, string uri = Uri)
        {
            var response = await _session.RequestAsync("textDocument/codeAction", new
            {
                textDocument = new { uri },
                range = new { start = new { line, character = 0 }, end = new { line, character = 40 } },
                context = new { diagnostics = Array.Empty<object>() },
            });
            return [.. response.GetProperty("result").EnumerateArray()];
        }
    }

    /// <summary>An `expect` statement: its metrics and statistics, utilization after a statistic, then the subjects of the metric's kind.</summary>
    [Fact]
    public async Task CompletionOfAnExpectStatementFollowsItsParts()
    {
        Assert.Contains("expect", await LabelsAfterTypingAsync(25, "  "));
        Assert.Equal(["availability", "served", "downtime", "slowdown", "utilization", "p95", "mean", "max"], await LabelsAfterTypingAsync(25, "  expect "));
        Assert.Equal(["utilization"], await LabelsAfterTypingAsync(25, "  expect p95 "));
        Assert.Equal(["h1"], await LabelsAfterTypingAsync(25, "  expect p95 utilization "));
        Assert.Equal(["web"], await LabelsAfterTypingAsync(25, "  expect availability "));
    }

    /// <summary>
    /// A host's base is a hardware model (the schema's base kind, which the checker also reads): completion after
    /// `host x : ` offers `box` and not the host `h1`, which VDL1004 would reject. Any other block's base is its own kind.
    /// </summary>
    [Fact]
    public async Task CompletionOfABaseClauseOffersOnlyWhatTheCheckerAccepts()
    {
        Assert.Equal(["box"], await LabelsAfterTypingAsync(26, "host h2 : "));
        Assert.Equal(["rhel8"], await LabelsAfterTypingAsync(26, "os rhel9 : "));
    }

    [Fact]
    public async Task HoverOnACodeInACommentShowsItsPage()
    {
        await InsertLineAsync(0, 2, "// vdl-disable-next-line VDL5004");
        var hover = await _session.RequestAsync("textDocument/hover", LspSession.Position(Uri, 0, 28));
        Assert.StartsWith("# VDL5004", hover.GetProperty("result").GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsBeforeInitializeAreRefused()
    {
        await using var fresh = new LspSession();
        var response = await fresh.RequestAsync("textDocument/hover", LspSession.Position(Uri, 0, 0));
        Assert.Equal(-32002, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    private int _version = 1;

    private async Task InsertLineAsync(int line, int version, string text = "")
    {
        _version = version;
        await Change(Uri, version, line, 0, text + "\n");
    }

    private Task Change(string uri, int version, int line, int character, string text) =>
        _session.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new[] { new { range = new { start = new { line, character }, end = new { line, character } }, text } },
        });

    private async Task<List<string>> LabelsAsync(int line, int character)
    {
        var response = await _session.RequestAsync("textDocument/completion", LspSession.Position(Uri, line, character));
        return [.. response.GetProperty("result").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];
    }

    /// <summary>Types a new line before <paramref name="line"/> and asks for completion at its end.</summary>
    private async Task<List<string>> LabelsAfterTypingAsync(int line, string typed)
    {
        await InsertLineAsync(line, ++_version, typed);
        var labels = await LabelsAsync(line, typed.Length);
        await _session.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = ++_version },
            contentChanges = new[] { new { range = new { start = new { line, character = 0 }, end = new { line = line + 1, character = 0 } }, text = string.Empty } },
        });
        return labels;
    }
}
