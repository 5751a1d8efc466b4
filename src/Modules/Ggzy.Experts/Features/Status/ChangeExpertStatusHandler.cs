using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;

namespace Ggzy.Experts.Features.Status;

/// <summary>
/// Suspension (暂停抽取), blacklisting (黑名单) and retirement (退出), each with a period, a reason and its basis,
/// and their early lifting. Who may do which (ADR 0021):
/// <list type="bullet">
/// <item>suspend — the center's pool administrator or the Regulator: the dynamic assessment of Hubei (6)
/// (专家选聘、退出和考评机制) and 1117号 (十四);</item>
/// <item>blacklist — the Regulator or a supervisory department: Hubei (12) (行政主管部门建立专家黑名单制度); the
/// center takes no penalty decisions (Tianjin §19, R50);</item>
/// <item>retire — the center, which keeps the pool.</item>
/// </list>
/// History is append-only; a lifting is a new entry naming the one it ends.
/// </summary>
internal sealed class ChangeExpertStatusHandler(
    ExpertsDbContext db,
    EditExpertHandler experts,
    PermissionTable permissions,
    ICurrentActorAccessor actors,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public const string Hubei6 = "《湖北省整合建立统一的公共资源交易平台实施方案》（六）";
    public const string Hubei12 = "《湖北省整合建立统一的公共资源交易平台实施方案》（十二）";

    public static string PermissionFor(ExpertStatus status) => status switch
    {
        ExpertStatus.Suspended => ExpertPermissions.Suspend,
        ExpertStatus.Blacklisted => ExpertPermissions.Blacklist,
        ExpertStatus.Retired => ExpertPermissions.ManagePool,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "只有暂停、黑名单和退出需要决定。"),
    };

    public async Task<ExpertStatusChange> ImposeAsync(ClaimsPrincipal user, Guid expertId, ExpertStatus status, StatusInput input, CancellationToken ct)
    {
        Require(user, status);
        var expert = await experts.LoadAsync(expertId, ct);
        var today = clock.Today();
        var v = new ExpertValidation();
        var from = v.Date("from", input.From, "生效日期");
        var until = input.Until;
        var reason = v.Text("reason", input.Reason, "理由", 500);
        var basis = v.Text("basis", input.Basis, "依据（决定文号或所依据的规定）", 200);
        if (input.From is not null && from < today)
        {
            v.Fail("from", $"生效日期不能早于今天（{today:yyyy-MM-dd}）：已经发生的抽取不受影响。");
        }

        if (status == ExpertStatus.Suspended && until is null)
        {
            v.Fail("until", "暂停须写明期限：请填写暂停的截止日期（含当日）。");
        }

        if (until is { } end && input.From is not null && end < from)
        {
            v.Fail("until", "截止日期不能早于生效日期。");
        }

        v.ThrowIfAny();
        var current = ExpertStatusHistory.InForceAt(expert.StatusChanges.Select(c => c.ToContract()), from);
        if (current is not null && ExpertStatusHistory.Severity(current.Status) >= ExpertStatusHistory.Severity(status))
        {
            throw ExpertValidation.Refuse("EXPERT_STATUS_IN_FORCE",
                $"专家 {expert.Code} 在 {from:yyyy-MM-dd} 已处于“{current.Status.Label()}”状态（{current.From:yyyy-MM-dd} 起，依据：{current.Basis}），" +
                "无需重复决定；如需改变期限，请先解除原决定再重新决定。", 409);
        }

        var actor = actors.Current;
        var change = new ExpertStatusChange
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ExpertId = expert.Id,
            Status = status,
            From = from,
            Until = until,
            Reason = reason,
            Basis = basis,
            DecidedBy = actor.Actor,
            DecidedByRole = actor.Role,
            RecordedAt = clock.GetUtcNow(),
        };
        expert.StatusChanges.Add(change);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.StatusChanged, expert, Payload(expert, change)), ct);
        return change;
    }

    public async Task<ExpertStatusChange> LiftAsync(ClaimsPrincipal user, Guid expertId, Guid changeId, StatusInput input, CancellationToken ct)
    {
        var expert = await experts.LoadAsync(expertId, ct);
        var lifted = expert.StatusChanges.FirstOrDefault(c => c.Id == changeId && c.LiftsId is null && c.Status != ExpertStatus.Active)
            ?? throw new NotFoundException("没有找到该专家的这项暂停、黑名单或退出决定。");
        Require(user, lifted.Status);
        if (expert.StatusChanges.Any(c => c.LiftsId == lifted.Id))
        {
            throw ExpertValidation.Refuse("EXPERT_STATUS_LIFTED", "该决定已经解除，不能重复解除。", 409);
        }

        var today = clock.Today();
        var v = new ExpertValidation();
        var from = v.Date("from", input.From, "解除生效日期");
        var reason = v.Text("reason", input.Reason, "解除理由", 500);
        var basis = v.Text("basis", input.Basis, "解除依据", 200);
        if (input.From is not null && from < today)
        {
            v.Fail("from", $"解除生效日期不能早于今天（{today:yyyy-MM-dd}）。");
        }
        else if (lifted.Until is { } end && from > end)
        {
            v.Fail("from", $"原决定 {end:yyyy-MM-dd} 期满自动结束，无需解除。");
        }

        v.ThrowIfAny();
        var actor = actors.Current;
        var change = new ExpertStatusChange
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ExpertId = expert.Id,
            Status = ExpertStatus.Active,
            LiftsId = lifted.Id,
            From = from < lifted.From ? lifted.From : from,
            Reason = reason,
            Basis = basis,
            DecidedBy = actor.Actor,
            DecidedByRole = actor.Role,
            RecordedAt = clock.GetUtcNow(),
        };
        expert.StatusChanges.Add(change);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.StatusChanged, expert, Payload(expert, change)), ct);
        return change;
    }

    private void Require(ClaimsPrincipal user, ExpertStatus status)
    {
        if (!permissions.Grants(user, PermissionFor(status)))
        {
            throw new ForbiddenException(status switch
            {
                ExpertStatus.Blacklisted => $"将专家列入或移出黑名单由公管办或行政监督部门决定（{Hubei12}）。",
                ExpertStatus.Suspended => $"暂停专家抽取资格由交易中心专家库管理员或公管办决定（{Hubei6}）。",
                _ => "专家退出专家库由交易中心办理。",
            });
        }
    }

    private static object Payload(Expert expert, ExpertStatusChange c) => new
    {
        expert = expert.Code,
        change = c.Id,
        status = c.Status.ToString(),
        lifts = c.LiftsId,
        from = c.From,
        until = c.Until,
        reason = c.Reason,
        basis = c.Basis,
    };
}
