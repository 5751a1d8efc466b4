using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Tests.Features;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Tests;

/// <summary>What the credit record tests do over and over: the calendar installed, entities registered, records entered.</summary>
internal static class CreditRecordSteps
{
    public const string Housing = "安和市住房和城乡建设局";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid code for a fictional enterprise; <paramref name="body"/> is eight characters of the organisation code.</summary>
    public static string CodeFor(string body)
    {
        var first17 = "91350100" + body + CreditCode.OrganizationCheckCharacter(body);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>A valid resident ID number (GB 11643 check character right).</summary>
    public static string IdNumber(string first17 = "11010519800101123") =>
        first17 + Ggzy.Credit.Domain.ResidentIdNumber.CheckCharacter(first17);

    /// <summary>The shipped holiday schedules (2024–2026), as the host installs them at start.</summary>
    public static Task InstallCalendarAsync(this CreditTestHost host) => host.RunAsync(async sp =>
    {
        foreach (var task in sp.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(Ct);
        }

        return true;
    });

    public static async Task<string> RegisterAsync(this CreditTestHost host, string body, string admin)
    {
        var code = CodeFor(body);
        var input = RegisterMarketEntityTests.Valid(code, admin);
        input.LegalName = "福州测试建设有限公司" + body;
        await host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(input, Ct));
        return code;
    }

    public static CreditRecordInput Record(string code, CreditRecordKind kind, string number, DateOnly decided) => new()
    {
        CreditCode = code,
        Kind = kind,
        DecisionNumber = number,
        DecidingBody = Housing,
        DecisionDate = decided,
        Facts = "未按规定设置安全防护设施。",
        SourceSystem = "本平台录入",
    };

    public static Task<CreditRecordInfo> EnterAsync(this CreditTestHost host, CreditRecordInput input) =>
        host.RunAsync(sp => sp.GetRequiredService<ICreditRecords>().EnterAsync(input, Ct));

    public static Task<T> StandingAsync<T>(this CreditTestHost host, Func<ICreditStanding, Task<T>> read) =>
        host.RunAsync(sp => read(sp.GetRequiredService<ICreditStanding>()));

    /// <summary>Records and ledger entries: what a refused entry must leave as it was.</summary>
    public static Task<(int Records, int Ledger)> RecordCountsAsync(this CreditTestHost host) => host.RunAsync(async sp =>
        (await sp.GetRequiredService<CreditDbContext>().CreditRecords.CountAsync(Ct),
            await sp.GetRequiredService<PlatformDbContext>().LedgerEntries.CountAsync(Ct)));
}
