using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ggzy.Credit.Features.RegisterMarketEntity;

/// <summary>
/// Register once (R26) with the signed 信用承诺书 (R27): the platform organisation, its administrator, the entity and
/// its commitment are stored in one transaction over one connection shared by both contexts, with one ledger entry
/// (ADR 0007). A refusal stores nothing.
/// </summary>
internal sealed class RegisterMarketEntityHandler(
    CreditDbContext db, PlatformDbContext platform, UserManager<PlatformUser> users, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<MarketEntityInfo> HandleAsync(RegisterMarketEntityInput input, CancellationToken ct)
    {
        var code = RegisterMarketEntityValidator.Validate(input).Value;

        await using var transaction = await platform.Database.BeginTransactionAsync(ct);
        db.Database.SetDbConnection(platform.Database.GetDbConnection());
        await db.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);

        try
        {
            var entity = await RegisterAsync(input, code, ct);
            await transaction.CommitAsync(ct);
            return entity;
        }
        catch (DbUpdateException)
        {
            // A registration of the same code committed between our check and our insert (PostgreSQL; SQLite's
            // BEGIN IMMEDIATE serialises them): the unique index refused it, so refuse it as the duplicate it is.
            await transaction.RollbackAsync(ct);
            await db.Database.UseTransactionAsync(null, ct);
            var existing = await ExistingNameAsync(code, ct);
            if (existing is null)
            {
                throw;
            }

            throw Duplicate(code, existing);
        }
    }

    private async Task<MarketEntityInfo> RegisterAsync(RegisterMarketEntityInput input, string code, CancellationToken ct)
    {
        var commitment = CreditCommitments.Current;
        if (await ExistingNameAsync(code, ct) is { } existing)
        {
            throw Duplicate(code, existing);
        }

        var now = clock.GetUtcNow();
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            Name = input.LegalName!.Trim(),
            Kind = OrganizationKind.MarketEntity,
            RegionCode = input.RegionCode!.Trim(),
            CreditCode = code,
            CreatedAt = now,
        };
        platform.Organizations.Add(organization);
        await platform.SaveChangesAsync(ct);

        var admin = await CreateAdministratorAsync(input, organization.Id, now);
        var roles = input.Roles!.Aggregate(MarketRole.None, (all, r) => all | r);
        var entity = new MarketEntity
        {
            Id = Guid.CreateVersion7(now),
            CreditCode = code,
            LegalName = organization.Name,
            Kind = input.Kind!.Value,
            RegionCode = organization.RegionCode,
            LegalRepresentative = input.LegalRepresentative!.Trim(),
            ContactPerson = input.ContactPerson!.Trim(),
            ContactPhone = input.ContactPhone!.Trim(),
            Roles = roles,
            OrganizationId = organization.Id,
            RegisteredAt = now,
            AdministratorUserId = admin.Id,
        };
        var signature = new CommitmentSignature
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            Version = commitment.Version,
            TextDigest = commitment.Digest,
            SignedAt = now,
            SignedBy = admin.DisplayName,
            SignedByAccount = admin.UserName!,
        };
        db.MarketEntities.Add(entity);
        db.CommitmentSignatures.Add(signature);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.entity.registered", $"market-entity:{code}", new
        {
            creditCode = code,
            legalName = entity.LegalName,
            kind = entity.Kind.ToString(),
            regionCode = entity.RegionCode,
            roles = roles.ToString(),
            organization = organization.Id,
            administrator = admin.UserName,
            commitment = new { version = signature.Version, digest = signature.TextDigest },
        }), ct);
        return MarketEntityProjection.Of(entity, signature);
    }

    private async Task<string?> ExistingNameAsync(string code, CancellationToken ct) =>
        await db.MarketEntities.Where(e => e.CreditCode == code).Select(e => e.LegalName).FirstOrDefaultAsync(ct)
        ?? await platform.Organizations.Where(o => o.CreditCode == code).Select(o => o.Name).FirstOrDefaultAsync(ct);

    private static BusinessRuleException Duplicate(string code, string existing) =>
        new(CreditErrors.AlreadyRegistered(code, existing), CreditErrors.RegisterOnceCitation, "creditCode");

    private async Task<PlatformUser> CreateAdministratorAsync(RegisterMarketEntityInput input, Guid organizationId, DateTimeOffset now)
    {
        var admin = new PlatformUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = input.AdminUserName!.Trim(),
            DisplayName = input.AdminDisplayName!.Trim(),
            OrganizationId = organizationId,
            CreatedAt = now,
        };
        ThrowIfFailed(await users.CreateAsync(admin, input.AdminPassword!));
        ThrowIfFailed(await users.AddToRolesAsync(admin, PlatformRolesFor(input.Roles!)));
        return admin;
    }

    /// <summary>An auction buyer acts as a bidder on the platform (竞买人 take part in 出让 as bidders do in 招标).</summary>
    public static IReadOnlyList<string> PlatformRolesFor(IEnumerable<MarketRole> wanted) =>
        [.. wanted.Select(r => r switch
        {
            MarketRole.Tenderer => Roles.Tenderer,
            MarketRole.Agency => Roles.Agency,
            _ => Roles.Bidder,
        }).Distinct(StringComparer.Ordinal)];

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InputValidationException(result.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "adminPassword"
                    : e.Code.Contains("UserName", StringComparison.Ordinal) ? "adminUserName" : "body", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal));
        }
    }
}
