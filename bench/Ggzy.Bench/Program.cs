using System.CommandLine;
using Ggzy.Bench;

var root = new RootCommand("Ggzy benchmarks: Ledger appends against plain inserts, ledger verify against raw SM3, the deadline rush of bid submissions against writing the same bytes, the opening of sealed bids against OpenSSL's SM4 and SM3, and the expert draw from a pool of 100,000.");
var what = new Argument<string>("what")
{
    Description = "all (append and verify) | append | verify | bid-rush | bid-opening | expert-draw",
    DefaultValueFactory = _ => "all",
}.AcceptOnlyFromAmong("all", "append", "verify", "bid-rush", "bid-opening", "expert-draw");
var seconds = new Option<int>("--seconds") { Description = "Measured seconds per append run (after a 1 s warm-up)", DefaultValueFactory = _ => 5 };
var entries = new Option<int>("--entries") { Description = "Ledger size for the verify benchmark", DefaultValueFactory = _ => 200_000 };
var writers = new Option<int[]>("--writers") { Description = "Concurrent writer counts", DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
var providers = new Option<string[]>("--providers") { Description = "sqlite, postgres", DefaultValueFactory = _ => ["sqlite", "postgres"], AllowMultipleArgumentsPerToken = true };
var output = new Option<string?>("--output") { Description = "Also write the Markdown report to this file" };
var bidders = new Option<int>("--bidders") { Description = "bid-rush: concurrent bidders, one sealed bid each", DefaultValueFactory = _ => 200 };
var minMb = new Option<int>("--min-mb") { Description = "bid-rush: smallest envelope, MB", DefaultValueFactory = _ => 5 };
var maxMb = new Option<int>("--max-mb") { Description = "bid-rush: largest envelope, MB", DefaultValueFactory = _ => 50 };
var chunkMb = new Option<int>("--chunk-mb") { Description = "bid-rush: upload chunk, MB (the API takes at most 16)", DefaultValueFactory = _ => 8 };
var directory = new Option<string?>("--dir")
{
    Description = "bid-rush, bid-opening: where sealed envelopes and the bidders' keys are cached between runs (default {temp}/ggzy-bid-rush, {temp}/ggzy-bid-opening)",
};
var envelopes = new Option<int>("--envelopes") { Description = "bid-opening: sealed bids in the lot", DefaultValueFactory = _ => 500 };
var mb = new Option<int>("--mb") { Description = "bid-opening: size of each sealed bid, MiB", DefaultValueFactory = _ => 10 };
var sink = new Option<string>("--sink")
{
    Description = "bid-opening: files (each section's plaintext written to a file, as the platform keeps them) | none (verified, not kept)",
    DefaultValueFactory = _ => "files",
}.AcceptOnlyFromAmong("files", "none");
var rounds = new Option<int>("--rounds") { Description = "bid-opening: alternating rounds of the opener and OpenSSL", DefaultValueFactory = _ => 2 };
var experts = new Option<int>("--experts") { Description = "expert-draw: experts in the pool", DefaultValueFactory = _ => 100_000 };
var draws = new Option<int>("--draws") { Description = "expert-draw: measured draws (after 10 warm-up draws)", DefaultValueFactory = _ => 200 };
var simulations = new Option<int>("--simulations") { Description = "expert-draw: simulated draws for the uniformity test", DefaultValueFactory = _ => 100_000 };
var phases = new Option<bool>("--phases")
{
    Description = "expert-draw: time each phase of every measured draw, with the GC's collections and pause, and compare the slowest 5 % with the middle",
};
root.Arguments.Add(what);
root.Options.Add(phases);
root.Options.Add(experts);
root.Options.Add(draws);
root.Options.Add(simulations);
root.Options.Add(seconds);
root.Options.Add(entries);
root.Options.Add(writers);
root.Options.Add(providers);
root.Options.Add(output);
root.Options.Add(bidders);
root.Options.Add(minMb);
root.Options.Add(maxMb);
root.Options.Add(chunkMb);
root.Options.Add(directory);
root.Options.Add(envelopes);
root.Options.Add(mb);
root.Options.Add(sink);
root.Options.Add(rounds);
string CacheDirectory(ParseResult result, string name) => result.GetValue(directory) ?? Path.Combine(Path.GetTempPath(), name);
root.SetAction((result, ct) => BenchRun.RunAsync(new BenchSettings(
    result.GetValue(what)!,
    TimeSpan.FromSeconds(result.GetValue(seconds)),
    result.GetValue(entries),
    result.GetValue(writers)!,
    result.GetValue(providers)!,
    result.GetValue(output),
    new BidRushSettings(result.GetValue(bidders), result.GetValue(minMb), result.GetValue(maxMb), result.GetValue(chunkMb), CacheDirectory(result, "ggzy-bid-rush")),
    new BidOpeningSettings(result.GetValue(envelopes), result.GetValue(mb), CacheDirectory(result, "ggzy-bid-opening"), result.GetValue(sink)!, result.GetValue(rounds)),
    new ExpertDrawSettings(result.GetValue(experts), result.GetValue(draws), result.GetValue(simulations), result.GetValue(phases))), ct));
return await root.Parse(args).InvokeAsync();
