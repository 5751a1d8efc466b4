using System.Security.Claims;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Sealing.Envelope;
using Ggzy.TestKit.Bidders;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Bids;
using Ggzy.Trading.Features.Procedures;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Announcements.AnnouncementTestData;
using BidUpload = Ggzy.Trading.Domain.Bids.BidUpload;

namespace Ggzy.Trading.Tests.Opening;

/// <summary>One test bidder's sealed bid in the lot: who, its bid id and the content key its private key unwraps.</summary>
internal sealed record PlacedBid(BidderIdentity Identity, Organization Organization, Guid BidId, string Envelope, string Price)
{
    public ClaimsPrincipal Principal => OpeningScenario.Person(Identity.UserName, Roles.Bidder, Organization.Id);

    public string ContentKey()
    {
        using var file = File.OpenRead(Envelope);
        var envelope = SealedEnvelope.Read(file);
        return Convert.ToHexStringLower(envelope.UnwrapKey(Identity.Certificate.Key));
    }
}

/// <summary>
/// A published lot whose bids are put straight into the bid vault and its table (as the submission service leaves
/// them), so that the opening can be driven step by step with the fake clock.
/// </summary>
internal sealed class OpeningScenario(TradingTestHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TradingTestHost Host { get; } = host;

    public Project Project { get; private set; } = null!;

    public Lot Lot { get; private set; } = null!;

    public DateTimeOffset Deadline { get; private set; }

    public List<PlacedBid> Bids { get; } = [];

    public ClaimsPrincipal Agency => Person("agency", Roles.Agency, Host.Agency.Id);

    public ClaimsPrincipal Clerk => Person("clerk", Roles.CenterStaff, Host.CityCenterId);

    public static ClaimsPrincipal Person(string name, string role, Guid organizationId) => new(new ClaimsIdentity(
        [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(GgzyClaims.OrganizationId, organizationId.ToString())], "test"));

    /// <summary>Publishes the lot; <paramref name="bidders"/> bids are then placed before its deadline.</summary>
    public async Task<OpeningScenario> CreateAsync(Regime regime, int bidders)
    {
        Project = await AcceptedProjectAsync(Host, regime, Ct);
        var agency = User("agency", Host.Agency.Id);
        var id = await Host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, Input(Host, Project), Ct));
        await Host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct));
        Lot = await Host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<TradingDbContext>().Lots.Single(l => l.Id == Project.Lots[0].Id)));
        Deadline = Lot.Deadline!.Value;

        var keyring = BidderKeyring.Create(bidders, Host.Clock.GetUtcNow());
        for (var i = 0; i < bidders; i++)
        {
            await PlaceAsync(keyring.Bidders[i], $"{(i + 1) * 1_000_000 + 123_456}.78");
        }

        return this;
    }

    /// <summary>Moves the fake clock to <paramref name="at"/> and runs one pass of the procedure clock.</summary>
    public Task<int> ClockAtAsync(DateTimeOffset at)
    {
        if (at > Host.Clock.GetUtcNow())
        {
            Host.Clock.SetUtcNow(at);
        }

        return RunClockAsync();
    }

    public Task<int> RunClockAsync() => Host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProcedureClock>(sp).RunOnceAsync(Ct));

    public Task<T> OpeningsAsync<T>(Func<IBidOpenings, Task<T>> call) => Host.RunAsync(sp => call(sp.GetRequiredService<IBidOpenings>()));

    private async Task PlaceAsync(BidderIdentity identity, string price)
    {
        var organization = new Organization
        {
            Id = Guid.NewGuid(),
            Name = identity.LegalName,
            Kind = OrganizationKind.MarketEntity,
            RegionCode = BidderIdentity.RegionCode,
            CreditCode = identity.CreditCode,
            CreatedAt = Host.Clock.GetUtcNow(),
        };
        var bidId = Guid.NewGuid();
        var path = await Host.RunAsync(async sp =>
        {
            var platform = sp.GetRequiredService<PlatformDbContext>();
            platform.Organizations.Add(organization);
            await platform.SaveChangesAsync(Ct);
            var vault = sp.GetRequiredService<BidVault>();
            vault.Create(Lot.Id, bidId);
            var file = vault.PathOf(Lot.Id, bidId);
            var sheet = BidEnvelopes.PriceSheet(Lot.TradeCode, identity.CreditCode, price);
            var envelope = BidEnvelopes.Seal(file, Lot.TradeCode, identity, sheet, new byte[5000], 5000);
            var db = sp.GetRequiredService<TradingDbContext>();
            var now = Host.Clock.GetUtcNow();
            db.BidUploads.Add(new BidUpload
            {
                Id = bidId,
                LotId = Lot.Id,
                OrganizationId = organization.Id,
                CreditCode = identity.CreditCode,
                UserName = identity.UserName,
                Size = envelope.Size,
                Digest = envelope.Digest,
                FileName = "bid.gse",
                StartedAt = now,
                State = BidUploadState.Completed,
                EndedAt = now,
            });
            db.Bids.Add(new Bid
            {
                Id = bidId,
                LotId = Lot.Id,
                OrganizationId = organization.Id,
                CreditCode = identity.CreditCode,
                BidderName = identity.LegalName,
                UserName = identity.UserName,
                Digest = envelope.Digest,
                Size = envelope.Size,
                CompletedAt = now,
                CertificateFingerprint = "test",
                ToolVersion = "test",
                MachineId = "test",
                MacAddress = "",
                ReceiptJson = "{}",
                ReceiptSignature = "",
                KeyFingerprint = "test",
                Commitment = Sealing.Sm3.HashHex(bidId.ToByteArray()),
            });
            await db.SaveChangesAsync(Ct);
            return file;
        });
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Bids.Add(new PlacedBid(identity, organization, bidId, path, price));
    }
}
