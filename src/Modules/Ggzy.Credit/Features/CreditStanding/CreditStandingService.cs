using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Credit.Features.CreditStanding;

/// <summary>The contract's implementation: an entity's or expert's history read from its records at any instant.</summary>
internal sealed class CreditStandingService(CreditDbContext db, IOptions<CreditGradeOptions> options, LedgerWriter ledger) : ICreditStanding
{
    public async Task<DebarmentStatus> IsDebarredAsync(string creditCode, DateTimeOffset at, CancellationToken ct) =>
        CreditRecordProjection.Debarment(await HistoryAsync(EntityKey(creditCode), ct), at);

    public async Task EnsureNotDebarredAsync(string creditCode, DateTimeOffset at, DebarredAction action, CancellationToken ct)
    {
        if (await IsDebarredAsync(creditCode, at, ct) is { Debarment: { } debarment })
        {
            // 《天津市公共资源交易平台服务管理细则（试行）》第三十二条、《吉林市公共资源交易平台服务管理细则》第四十四条：信用信息是市场准入的依据。
            throw new BusinessRuleException(
                $"{CreditRecordErrors.Debarred(action, debarment)}（依据：{CreditRecordErrors.DebarmentCitation}）。",
                CreditRecordErrors.DebarmentCitation, "creditCode");
        }
    }

    public async Task<CreditGrade> GradeOfAsync(string creditCode, DateTimeOffset at, CancellationToken ct) =>
        CreditGradeFormula.Grade(await HistoryAsync(EntityKey(creditCode), ct), at, options.Value);

    public async Task<IReadOnlyList<CreditRecordInfo>> RecordsOfEntityAsync(string creditCode, bool includeConfidential, CancellationToken ct)
    {
        var key = EntityKey(creditCode);
        return await ListAsync(await HistoryAsync(key, ct), includeConfidential, CreditRecordLedger.SubjectOf(true, key, key), ct);
    }

    public async Task<IReadOnlyList<CreditRecordInfo>> RecordsOfExpertAsync(string idNumber, bool includeConfidential, CancellationToken ct)
    {
        var key = ExpertKey(idNumber);
        return await ListAsync(await HistoryAsync(key, ct), includeConfidential, CreditRecordLedger.SubjectOf(false, "", key), ct);
    }

    public async Task<DebarmentStatus> IsExpertDebarredAsync(string idNumber, DateTimeOffset at, CancellationToken ct) =>
        CreditRecordProjection.Debarment(await HistoryAsync(ExpertKey(idNumber), ct), at);

    public async Task<IReadOnlySet<string>> DebarredExpertKeysAsync(DateTimeOffset at, CancellationToken ct)
    {
        var records = await db.CreditRecords.AsNoTracking().Where(r => r.SubjectKind == CreditSubjectKind.Expert).ToListAsync(ct);
        return records.GroupBy(r => r.SubjectKey, StringComparer.Ordinal)
            .Where(g => CreditRecordProjection.Debarment(new CreditHistory(g), at).Debarment is not null)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<CreditRecordInfo>> ListAsync(CreditHistory history, bool includeConfidential, string subject, CancellationToken ct)
    {
        var shown = history.All.Where(r => includeConfidential || !r.Confidential)
            .OrderByDescending(r => r.DecisionDate).ThenByDescending(r => r.EnteredAt).ToList();
        var confidential = shown.Where(r => r.Confidential).Select(r => r.Id).ToList();
        if (confidential.Count > 0)
        {
            await ledger.SaveChangesAsync(db, CreditRecordLedger.ConfidentialRead(subject, confidential, "contract"), ct);
        }

        return [.. shown.Select(r => CreditRecordProjection.Of(r, history))];
    }

    private async Task<CreditHistory> HistoryAsync(string key, CancellationToken ct) =>
        new(key.Length == 0 ? [] : await db.CreditRecords.AsNoTracking().Where(r => r.SubjectKey == key).ToListAsync(ct));

    private static string EntityKey(string creditCode) =>
        CreditCode.TryParse(creditCode, out var code, out _) ? code.Value : "";

    private static string ExpertKey(string idNumber) =>
        ResidentIdNumber.TryNormalize(idNumber, out var number, out _) ? ResidentIdNumber.Digest(number) : "";
}
