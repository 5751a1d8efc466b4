using Ggzy.Experts.Domain.Pool;
using Ggzy.Platform.Ledger;

namespace Ggzy.Experts.Features;

/// <summary>
/// The Ledger's entries for the pool. Subjects are <c>expert:{id}</c>; payloads name the expert by pseudonym and never
/// carry an identity in clear (architecture.md §2) — only which fields changed.
/// </summary>
internal static class ExpertsLedger
{
    public const string Added = "experts.expert.added";
    public const string Changed = "experts.expert.changed";
    public const string IdentityRead = "experts.identity.read";
    public const string StatusChanged = "experts.status.changed";
    public const string LeaveRecorded = "experts.leave.recorded";
    public const string LeaveWithdrawn = "experts.leave.withdrawn";
    public const string RelativeDeclared = "experts.relative.declared";
    public const string RelativeWithdrawn = "experts.relative.withdrawn";
    public const string AccountLinked = "experts.account.linked";
    public const string SpecialtiesInstalled = "experts.specialties.installed";
    public const string Rated = "experts.rating.recorded";

    public static string Subject(Guid expertId) => $"expert:{expertId}";

    public static LedgerDraft Entry(string type, Expert expert, object payload) => new(type, Subject(expert.Id), payload);

    public static LedgerDraft Read(Expert expert, string purpose) =>
        new(IdentityRead, Subject(expert.Id), new { expert = expert.Code, purpose });
}
