using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Opening;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Award;

/// <summary>
/// The award's public notices for the portal: a publicity once published (工程招标, with the candidates as published), the
/// result once the award notice went out, the contract's main terms once published. Nothing else of a lot's award.
/// </summary>
internal sealed class PublishedAwards(TradingDbContext db) : IPublishedAwards
{
    public static AwardNoticeKind? KindOf(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "publicity" => AwardNoticeKind.Publicity,
        "result" => AwardNoticeKind.Result,
        "contract" => AwardNoticeKind.Contract,
        _ => null,
    };

    public async Task<IReadOnlyList<PublishedAwardRow>> ListAsync(AwardNoticeKind? kind, string? keyword, CancellationToken ct)
    {
        var awards = await db.LotAwards.AsNoTracking().Where(a => a.PublicityStartsAt != null || a.ResultPublishedAt != null).ToListAsync(ct);
        var contracts = await db.LotContracts.AsNoTracking().Where(c => c.PublishedAt != null).ToDictionaryAsync(c => c.LotId, ct);
        var lotIds = awards.Select(a => a.LotId).ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var projectIds = lots.Values.Select(l => l.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var rows = new List<PublishedAwardRow>();
        foreach (var a in awards)
        {
            var lot = lots[a.LotId];
            var p = projects[lot.ProjectId];
            PublishedAwardRow Row(AwardNoticeKind k, DateTimeOffset at, DateTimeOffset? ends, string summary) =>
                new(lot.Id, lot.TradeCode, lot.Name, p.TradeCode, p.Name, p.TendererName, k, at, ends, summary);
            if (a.PublicityStartsAt is { } starts)
            {
                rows.Add(Row(AwardNoticeKind.Publicity, starts, a.PublicityEndsAt, "中标候选人公示"));
            }

            if (a.ResultPublishedAt is { } result)
            {
                rows.Add(Row(AwardNoticeKind.Result, result, null, $"中标人：{a.WinnerName}，中标价 {PriceSheet.Format(a.AwardedPrice!.Value)} 元"));
            }

            if (contracts.TryGetValue(a.LotId, out var c))
            {
                rows.Add(Row(AwardNoticeKind.Contract, c.PublishedAt!.Value, null, $"合同金额 {PriceSheet.Format(c.Amount)} 元"));
            }
        }

        var k = keyword?.Trim();
        return [.. rows.Where(r => kind is null || r.Kind == kind)
            .Where(r => string.IsNullOrEmpty(k) || r.ProjectName.Contains(k, StringComparison.Ordinal) || r.LotName.Contains(k, StringComparison.Ordinal)
                || r.LotCode.Contains(k, StringComparison.OrdinalIgnoreCase) || r.TendererName.Contains(k, StringComparison.Ordinal)
                || r.Summary.Contains(k, StringComparison.Ordinal))
            .OrderByDescending(r => r.PublishedAt).Take(200)];
    }

    public async Task<PublishedAwardView?> FindAsync(Guid lotId, CancellationToken ct)
    {
        var a = await db.LotAwards.AsNoTracking().SingleOrDefaultAsync(x => x.LotId == lotId, ct);
        if (a is null || (a.PublicityStartsAt is null && a.ResultPublishedAt is null))
        {
            return null;
        }

        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId, ct);
        var p = await db.Projects.AsNoTracking().SingleAsync(x => x.Id == lot.ProjectId, ct);
        var c = await db.LotContracts.AsNoTracking().SingleOrDefaultAsync(x => x.LotId == lotId && x.PublishedAt != null, ct);
        var candidates = PublicityCandidates(a.PublicityJson);
        return new PublishedAwardView(lot.Id, lot.TradeCode, lot.Name, p.TradeCode, p.Name, p.TendererName, p.AgencyName, AwardService.RegimeName(p.Regime),
            a.PublicityStartsAt, a.PublicityEndsAt, candidates, AwardErrors.ObjectionChannel,
            a.ResultPublishedAt, a.ResultPublishedAt is null ? null : a.WinnerName, a.ResultPublishedAt is null ? null : a.AwardedPrice, a.NoticeDigest,
            c?.PublishedAt, c?.Amount, c?.Terms, c?.SignedAt, c?.Digest);
    }

    /// <summary>The candidates as the publicity published them (its fixed JSON), so the public sees exactly what was published.</summary>
    private static List<CandidateView> PublicityCandidates(string? json)
    {
        if (json is null)
        {
            return [];
        }

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var list = new List<CandidateView>();
        foreach (var x in doc.RootElement.GetProperty("candidates").EnumerateArray())
        {
            static decimal Money(System.Text.Json.JsonElement e) => decimal.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new CandidateView(x.GetProperty("rank").GetInt32(), Guid.Empty, Guid.Empty, x.GetProperty("bidder").GetString()!,
                Money(x.GetProperty("price")), Money(x.GetProperty("evaluatedPrice")),
                x.GetProperty("total").ValueKind == System.Text.Json.JsonValueKind.Number ? x.GetProperty("total").GetDecimal() : null,
                x.GetProperty("projectLeader").GetString(), x.GetProperty("certificate").GetString()));
        }

        return list;
    }
}
