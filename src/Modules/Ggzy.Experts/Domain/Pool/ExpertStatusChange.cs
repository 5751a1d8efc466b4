using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Pool;

/// <summary>
/// One entry of an expert's status history (Hubei (6) 专家退出和考评机制, (12) 专家黑名单制度). Append-only: a
/// suspension, blacklisting or retirement is ended early by a later entry with status <see cref="ExpertStatus.Active"/>
/// that names it in <see cref="LiftsId"/> and takes effect from its own <see cref="From"/>.
/// </summary>
internal sealed class ExpertStatusChange
{
    public Guid Id { get; init; }

    public Guid ExpertId { get; init; }

    public ExpertStatus Status { get; init; }

    /// <summary>The entry a lifting ends; null for a suspension, blacklisting or retirement.</summary>
    public Guid? LiftsId { get; init; }

    public DateOnly From { get; init; }

    public DateOnly? Until { get; init; }

    public required string Reason { get; init; }

    /// <summary>The decision or rule it rests on: 安公管〔2026〕12号, 一标一评连续两次不合格 …</summary>
    public required string Basis { get; init; }

    public required string DecidedBy { get; init; }

    public required string DecidedByRole { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public PoolStatusChange ToContract() => new(Id, Status, LiftsId, From, Until, Reason, Basis, DecidedBy, DecidedByRole, RecordedAt);
}
