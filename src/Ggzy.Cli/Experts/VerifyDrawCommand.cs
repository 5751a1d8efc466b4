using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Cli.Experts;

/// <summary>
/// <c>ggzy experts verify-draw &lt;draw-id&gt; [--url]</c> (docs/expert-draw.md §7): fetches the public draw record — from
/// the platform's API with <c>--url</c>, else from the database — and recomputes every round: SM3(seed) against the
/// commitment, the snapshot's digest, the selection from seed and snapshot. From the database it also checks the record
/// against the Ledger entries written when each round was drawn. Exit 0 when everything matches, 4 naming what does not,
/// 1 when the record cannot be read.
/// </summary>
internal static class VerifyDrawCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(DatabaseSelection database, CliConsole console, Func<HttpMessageHandler> handler)
    {
        var drawId = new Argument<Guid>("draw-id") { Description = "抽取编号" };
        var url = new Option<string?>("--url") { Description = "从平台公开接口读取抽取记录，如 https://ggzy.example.cn（不填则读取数据库）", HelpName = "URL" };
        var command = new Command("verify-draw", "验证专家抽取：按公开的随机种子和候选人快照重新计算每一轮抽取，核对种子承诺值、快照摘要、抽取结果及账本记录。"
            + "退出码：0 一致，4 不一致，1 用法、网络或数据库错误。") { drawId, url };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return CommandRunner.RunAsync(console, json, async () =>
            {
                var id = result.GetValue(drawId);
                var (record, ledger) = result.GetValue(url) is { } address
                    ? (await FetchAsync(address, id, handler, ct), (IReadOnlyList<DrawFinding>?)null)
                    : await ReadAsync(database.Open(result, console, mustExist: true), id, ct);
                var verification = DrawVerifier.Verify(record);
                var findings = verification.Findings.Concat(ledger ?? []).ToList();
                await WriteAsync(console, json, record, verification, findings, ledger is not null);
                return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.DrawMismatch;
            });
        });
        return command;
    }

    private static async Task<DrawRecord> FetchAsync(string address, Guid id, Func<HttpMessageHandler> handler, CancellationToken ct)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"平台地址无效：{address}。请填写 http:// 或 https:// 开头的地址。");
        }

        using var client = new HttpClient(handler()) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/experts/draws/{id}/record", UriKind.Relative), ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
                var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
                throw new CliException(detail ?? $"平台上没有抽取 {id} 的公开记录。");
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<DrawRecord>(Json, ct) ?? throw new CliException("平台返回的抽取记录为空。");
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"无法读取抽取记录：{e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new CliException($"平台返回的抽取记录不是有效的 JSON：{e.Message}", e);
        }
    }

    private static async Task<(DrawRecord Record, IReadOnlyList<DrawFinding> Ledger)> ReadAsync(CliDatabase database, Guid id, CancellationToken ct)
    {
        await using (database)
        {
            await using var scope = database.Services.CreateAsyncScope();
            DrawRecord record;
            try
            {
                record = await scope.ServiceProvider.GetRequiredService<IExpertDraws>().RecordAsync(id, ct);
            }
            catch (Exception e) when (e is NotFoundException or BusinessRuleException)
            {
                throw new CliException(e.Message, e);
            }

            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var subject = $"draw:{id}";
            var entries = await platform.LedgerEntries.AsNoTracking()
                .Where(e => e.Subject == subject && (e.Type == "experts.draw.round-drawn" || e.Type == "experts.draw.seed-committed"))
                .ToListAsync(ct);
            return (record, DrawLedgerCheck.Compare(record, entries));
        }
    }

    private static Task WriteAsync(CliConsole console, bool json, DrawRecord record, DrawVerification verification, List<DrawFinding> findings, bool ledgerChecked)
    {
        if (json)
        {
            return CliOutput.WriteJsonAsync(console.Out, new
            {
                status = findings.Count == 0 ? "verified" : "mismatch",
                drawId = record.DrawId,
                lot = record.LotCode,
                rounds = verification.Rounds,
                seats = verification.SeatsRecomputed,
                ledgerChecked,
                findings = findings.Select(f => new { round = f.Round, code = f.Code, message = f.Message }),
            });
        }

        if (findings.Count == 0)
        {
            return console.Out.WriteLineAsync($"抽取 {record.DrawId}（标段 {record.LotCode}）验证一致：{verification.Rounds} 轮、{verification.SeatsRecomputed} 个席位按公开的随机种子和候选人快照重新计算，"
                + "与种子承诺值、快照摘要和公布的抽取结果一致" + (ledgerChecked ? "，与账本记录一致。" : "。"));
        }

        var lines = findings.Select(f => (f.Round == 0 ? "" : $"第 {f.Round} 轮：") + $"{f.Message}（{f.Code}）");
        return console.Out.WriteLineAsync($"抽取 {record.DrawId}（标段 {record.LotCode}）验证不一致：\n  " + string.Join("\n  ", lines));
    }
}
