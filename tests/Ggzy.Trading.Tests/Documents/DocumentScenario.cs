using System.Globalization;
using System.Security.Claims;
using System.Text;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Documents;

/// <summary>
/// An accepted open tender of 安和市 with one lot: documents on sale 2026-11-20 09:00 to 11-27 17:00, bids due
/// 2026-12-14 09:30 China time; the host's clock stands at 2026-11-23 10:00 China time. Users of every role.
/// </summary>
internal sealed class DocumentScenario(TradingTestHost host)
{
    public static readonly DateTimeOffset Deadline = China("2026-12-14 09:30");

    public TradingTestHost Host { get; } = host;

    public Guid LotId { get; private set; }

    public string LotTradeCode { get; private set; } = "";

    public ClaimsPrincipal Tenderer => User("tenderer", Roles.Tenderer, Host.Tenderer.Id);

    public ClaimsPrincipal Agency => User("agency", Roles.Agency, Host.Agency.Id);

    public ClaimsPrincipal Bidder => User("bidder", Roles.Bidder, Host.Bidder.Id);

    public ClaimsPrincipal Bidder2 => User("bidder2", Roles.Bidder, Host.Bidder2.Id);

    public ClaimsPrincipal Clerk => User("clerk", Roles.CenterStaff, Host.CityCenterId);

    public ClaimsPrincipal Admin => User("admin", Roles.CenterAdministrator, Host.CityCenterId);

    public ClaimsPrincipal Regulator { get; } = User("regulator", Roles.Regulator, Guid.NewGuid());

    public ClaimsPrincipal Supervisor { get; } = User("supervisor.housing", Roles.Supervisor, Guid.NewGuid());

    /// <summary>Everyone other than the bidders: those who may see the log after the deadline.</summary>
    public IReadOnlyList<(string Name, ClaimsPrincipal User)> Staff =>
        [("tenderer", Tenderer), ("agency", Agency), ("clerk", Clerk), ("admin", Admin), ("regulator", Regulator), ("supervisor", Supervisor)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateTimeOffset China(string local) =>
        DateTimeOffset.ParseExact(local + " +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture).ToUniversalTime();

    public static ClaimsPrincipal User(string name, string role, Guid organizationId) => new(new ClaimsIdentity(
        [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(GgzyClaims.OrganizationId, organizationId.ToString())], "test"));

    /// <summary>Creates the project and its lot, announced; on sale unless <paramref name="onSale"/> is false.</summary>
    public async Task<DocumentScenario> CreateAsync(bool onSale = true, bool prequalification = false)
    {
        await Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            var timings = sp.GetRequiredService<StatutoryTimingSource>();
            var projectCode = TradeCodes.ForProject("工程建设", "990100", 2026, 901);
            var project = new Project
            {
                Id = Guid.NewGuid(),
                TradeCode = projectCode,
                Name = "安和市测试中学教学楼建设工程",
                Regime = Regime.Tender,
                Sector = "工程建设",
                SupervisoryDepartment = Ggzy.Trading.Domain.Projects.SupervisoryDepartments.Of("工程建设"),
                ProjectType = "施工",
                RegionCode = "990100",
                TendererId = Host.Tenderer.Id,
                TendererCode = Host.Tenderer.CreditCode!,
                TendererName = Host.Tenderer.Name,
                AgencyId = Host.Agency.Id,
                AgencyCode = Host.Agency.CreditCode,
                AgencyName = Host.Agency.Name,
                RegisteredBy = "agency",
                RegisteredAt = China("2026-11-10 09:00"),
                FundingSource = "财政资金",
                Status = ProjectStatus.Accepted,
            };
            var lot = new Lot
            {
                Id = Guid.NewGuid(),
                ProjectId = project.Id,
                Number = 1,
                TradeCode = TradeCodes.ForLot(projectCode, 1),
                Name = "施工",
                EstimatedAmount = 12_000_000m,
                Method = ProcurementMethod.OpenTender,
            };
            project.Lots.Add(lot);
            var schedule = new ProcedureSchedule(Regime.Tender, ProcurementMethod.OpenTender, prequalification,
                China("2026-11-20 09:00"), null, China("2026-11-20 09:00"), China("2026-11-27 17:00"), Deadline);
            lot.Plan(schedule, "agency");
            var procedure = lot.Procedure(Regime.Tender)!;
            procedure.Publish(new ScheduleValidator(await timings.ForRegionAsync("990100", Ct)), schedule.AnnouncedAt);
            if (onSale)
            {
                procedure.OpenDocumentSale(schedule.DocumentsFrom);
            }

            lot.Record(procedure, "agency");
            db.Projects.Add(project);
            await db.SaveChangesAsync(Ct);
            LotId = lot.Id;
            LotTradeCode = lot.TradeCode;
        });
        return this;
    }

    public Task<T> DocumentsAsync<T>(Func<ILotDocuments, Task<T>> work) => Host.RunAsync(sp => work(sp.GetRequiredService<ILotDocuments>()));

    public Task<T> NoticesAsync<T>(Func<ITradingNotices, Task<T>> work) => Host.RunAsync(sp => work(sp.GetRequiredService<ITradingNotices>()));

    public static UploadedFile Pdf(string name = "招标文件.pdf", string text = "招标文件（测试）")
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4\n" + text);
        return new UploadedFile(name, bytes.Length, () => new MemoryStream(bytes));
    }

    /// <summary>Uploads the documents while announced and opens the sale (as the schedule allows by now).</summary>
    public async Task<DocumentFileInfo> UploadAndOpenSaleAsync()
    {
        var file = await DocumentsAsync(d => d.UploadAsync(Agency, LotId, Pdf(), Ct));
        await Host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            var lot = await db.Lots.FindAsync([LotId], Ct);
            var procedure = lot!.Procedure(Regime.Tender)!;
            procedure.OpenDocumentSale(Host.Clock.GetUtcNow());
            lot.Record(procedure, "agency");
            await db.SaveChangesAsync(Ct);
        });
        return file;
    }

    public async Task<byte[]> DownloadAsync(ClaimsPrincipal user, Guid documentId)
    {
        var content = await DocumentsAsync(d => d.DownloadAsync(user, LotId, documentId, Ct));
        await using var stream = content.Content;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
