using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Opening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's sealed bids, made the way a bidder makes them: 宏远 (bidder, SM2 certificate) sealed and submitted a bid
/// for the school's works lot; the second bidder (bidder2, RSA) submitted one and replaced it with a corrected one —
/// both through the submission service, with the demo certificates under <c>DATA/demo-certs/</c>. The lot's deadline
/// is still ahead, so nobody but each bidder sees them.
/// </summary>
internal sealed class BidDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, IBidSubmissions bids, IOptions<DatabaseOptions> database) : IDemoSeeder
{
    public int Order => 150;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Bids.AnyAsync(ct))
        {
            return;
        }

        var school = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == ProjectDemoSeeder.SchoolProject, ct);
        var works = school is null ? null : await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.ProjectId == school.Id && l.Number == 1, ct);
        var folder = Path.Combine(database.Value.DataDirectory, DemoCertificates.FolderName);
        if (works is null)
        {
            return;
        }

        foreach (var (user, versions) in new[] { ("bidder", 1), ("bidder2", 2) })
        {
            var account = await platform.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == user, ct);
            var certificateFile = Path.Combine(folder, user + ".cert.pem");
            if (account?.OrganizationId is not { } organizationId || !File.Exists(certificateFile))
            {
                continue;
            }

            var org = await platform.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
            var certificate = Certificate.Parse(await File.ReadAllBytesAsync(certificateFile, ct));
            var key = PrivateKey.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, user + ".key.pem"), ct));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user), new Claim(GgzyClaims.OrganizationId, organizationId.ToString())], "demo"));
            for (var version = 1; version <= versions; version++)
            {
                using var envelope = new MemoryStream();
                SealedEnvelope.Seal(works.TradeCode, org.CreditCode!, new ToolFingerprint("ggzy/demo", "demo-" + user, "02-00-00-00-00-0" + version),
                [
                    new SectionInput(SealedEnvelope.PriceSheet, "开标一览表.json", PriceSheetOf(works.TradeCode, org.CreditCode!, user == "bidder" ? "12680000.00" : $"1{version}450000.00",
                        $"演示第 {version} 版")),
                    new SectionInput("technical", "技术标.txt", Text($"{org.Name} 施工组织设计（演示）")),
                    new SectionInput("commercial", "商务标.txt", Text($"{org.Name} 资格证明文件（演示）")),
                ], certificate, key, envelope);
                var bytes = envelope.ToArray();
                var digest = SealedEnvelope.DigestOf(new MemoryStream(bytes));
                var (upload, _) = await bids.StartAsync(principal, works.Id, new StartBidUploadInput(bytes.Length, digest, $"投标文件-v{version}.gse"), ct);
                await bids.AppendAsync(principal, upload.UploadId, 0, new MemoryStream(bytes), ct);
                await bids.CompleteAsync(principal, upload.UploadId, ct);
            }
        }
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A works bid's structured price sheet (<c>ggzy.price-sheet.v1</c>, docs/bid-opening.md §2): 工期, 质量, 项目负责人.</summary>
    public static MemoryStream PriceSheetOf(string lotCode, string creditCode, string totalPrice, string remark, (string Name, string Certificate)? leader = null)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal) { ["工期"] = "540日历天", ["质量"] = "合格", ["项目负责人"] = leader?.Name ?? "（演示）", ["备注"] = remark };
        if (leader is { } l)
        {
            items["项目负责人证书"] = l.Certificate;
        }

        return PriceSheetOf(lotCode, creditCode, totalPrice, items);
    }

    /// <summary>A structured price sheet with the given read-out items (a goods lot's 交货期, 质保期 …).</summary>
    public static MemoryStream PriceSheetOf(string lotCode, string creditCode, string totalPrice, IReadOnlyDictionary<string, string> items) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["format"] = PriceSheet.FormatV1,
            ["lotCode"] = lotCode,
            ["bidderCreditCode"] = creditCode,
            ["totalPrice"] = totalPrice,
            ["items"] = items,
        }));
}
