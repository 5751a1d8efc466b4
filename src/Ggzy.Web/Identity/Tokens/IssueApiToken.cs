using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;

namespace Ggzy.Web.Identity.Tokens;

/// <summary>A new API token: a name to recognise it by, and either a validity in days or the last day it is valid.</summary>
public sealed class IssueApiTokenInput
{
    [Required(ErrorMessage = "请填写令牌名称（如“造价系统对接”），便于日后识别和撤销。")]
    [StringLength(50, ErrorMessage = "令牌名称不超过 50 个字符。")]
    public string? Name { get; set; }

    [Range(1, IssueApiTokenHandler.MaxValidDays, ErrorMessage = "有效天数应为 1 到 365 之间的整数。")]
    public int? ValidDays { get; set; }

    /// <summary>The last day (Beijing time, yyyy-MM-dd) the token is valid; instead of validDays.</summary>
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>The token in clear, shown this once; only its SM3 digest is kept.</summary>
public sealed record IssuedApiToken(Guid Id, string Name, string Prefix, DateTimeOffset ExpiresAt, string Token);

public sealed class IssueApiTokenHandler(PlatformDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public const int MaxValidDays = 365;

    public async Task<IssuedApiToken> HandleAsync(Guid userId, string userName, IssueApiTokenInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expiresAt = ExpiryOf(input, now);
        var token = ApiTokenHandler.TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = input.Name!.Trim(),
            Prefix = token[..12],
            TokenHash = ApiTokenHandler.HashOf(token),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("platform.token.issued", $"token:{row.Id}",
            new { user = userName, row.Name, row.Prefix, row.ExpiresAt }), ct);
        return new IssuedApiToken(row.Id, row.Name, row.Prefix, row.ExpiresAt, token);
    }

    private DateTimeOffset ExpiryOf(IssueApiTokenInput input, DateTimeOffset now)
    {
        switch (input)
        {
            case { ValidDays: { } days, ExpiresOn: null }:
                return now.AddDays(days);
            case { ValidDays: null, ExpiresOn: { } last }:
                var today = clock.Today();
                if (last < today || last > today.AddDays(MaxValidDays - 1))
                {
                    throw Invalid("expiresOn", string.Create(CultureInfo.InvariantCulture,
                        $"截止日期应在今天（{today:yyyy-MM-dd}）到 {today.AddDays(MaxValidDays - 1):yyyy-MM-dd} 之间。"));
                }

                return ChinaTime.StartOfDay(last.AddDays(1));
            case { ValidDays: null, ExpiresOn: null }:
                throw Invalid("validDays", "请填写有效天数（1 到 365），或填写截止日期 expiresOn。");
            default:
                throw Invalid("expiresOn", "有效天数 validDays 和截止日期 expiresOn 只需填写一项，请删除其中一项。");
        }
    }

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
