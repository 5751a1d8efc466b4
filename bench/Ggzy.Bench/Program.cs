using System.CommandLine;
using Ggzy.Bench;

var root = new RootCommand("Ggzy benchmarks: Ledger appends against plain inserts, and ledger verify against raw SM3.");
var what = new Argument<string>("what")
{
    Description = "all | append | verify",
    DefaultValueFactory = _ => "all",
}.AcceptOnlyFromAmong("all", "append", "verify");
var seconds = new Option<int>("--seconds") { Description = "Measured seconds per append run (after a 1 s warm-up)", DefaultValueFactory = _ => 5 };
var entries = new Option<int>("--entries") { Description = "Ledger size for the verify benchmark", DefaultValueFactory = _ => 200_000 };
var writers = new Option<int[]>("--writers") { Description = "Concurrent writer counts", DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
var providers = new Option<string[]>("--providers") { Description = "sqlite, postgres", DefaultValueFactory = _ => ["sqlite", "postgres"], AllowMultipleArgumentsPerToken = true };
var output = new Option<string?>("--output") { Description = "Also write the Markdown report to this file" };
root.Arguments.Add(what);
root.Options.Add(seconds);
root.Options.Add(entries);
root.Options.Add(writers);
root.Options.Add(providers);
root.Options.Add(output);
root.SetAction((result, ct) => BenchRun.RunAsync(new BenchSettings(
    result.GetValue(what)!,
    TimeSpan.FromSeconds(result.GetValue(seconds)),
    result.GetValue(entries),
    result.GetValue(writers)!,
    result.GetValue(providers)!,
    result.GetValue(output)), ct));
return await root.Parse(args).InvokeAsync();
