using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Features.Identity;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;

namespace Ggzy.Experts.Features.Availability;

/// <summary>
/// Leave (请假) and declared relatives (近亲属申报), kept by the expert or by the center. Nothing is deleted: a
/// withdrawn leave or declaration keeps its row with the time it was withdrawn, and each step is on the Ledger.
/// </summary>
internal sealed class ExpertAvailability(
    ExpertsDbContext db,
    EditExpertHandler experts,
    ExpertIdentityProtector protector,
    ICurrentActorAccessor actors,
    LedgerWriter ledger,
    TimeProvider clock)
{
    /// <summary>A leave may not reach further ahead than this: the pool is for draws in the foreseeable future.</summary>
    public const int MaxLeaveDays = 366;

    public async Task<ExpertLeave> RecordLeaveAsync(Guid expertId, LeaveInput input, CancellationToken ct)
    {
        var expert = await experts.LoadAsync(expertId, ct);
        var today = clock.Today();
        var v = new ExpertValidation();
        var from = v.Date("from", input.From, "请假开始日期");
        var until = v.Date("until", input.Until, "请假结束日期");
        var reason = v.Text("reason", input.Reason, "请假事由", 200);
        if (input.From is not null && input.Until is not null)
        {
            if (until < from)
            {
                v.Fail("until", "请假结束日期不能早于开始日期。");
            }
            else if (until < today)
            {
                v.Fail("until", "请假结束日期已过，无需登记。");
            }
            else if (until.DayNumber - today.DayNumber > MaxLeaveDays)
            {
                v.Fail("until", $"请假最长登记到今后 {MaxLeaveDays} 日内；更长时间不能参加评标的，请申请暂停或退出专家库。");
            }
        }

        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        var leave = new ExpertLeave
        {
            Id = Guid.CreateVersion7(now),
            ExpertId = expert.Id,
            From = from,
            Until = until,
            Reason = reason,
            RecordedBy = actors.Current.Actor,
            RecordedAt = now,
        };
        expert.Leaves.Add(leave);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.LeaveRecorded, expert, new
        {
            expert = expert.Code,
            leave = leave.Id,
            from,
            until,
        }), ct);
        return leave;
    }

    public async Task WithdrawLeaveAsync(Guid expertId, Guid leaveId, CancellationToken ct)
    {
        var expert = await experts.LoadAsync(expertId, ct);
        var leave = expert.Leaves.FirstOrDefault(l => l.Id == leaveId && l.WithdrawnAt is null)
            ?? throw new NotFoundException("没有找到这条有效的请假记录。");
        leave.WithdrawnAt = clock.GetUtcNow();
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.LeaveWithdrawn, expert, new { expert = expert.Code, leave = leave.Id }), ct);
    }

    public async Task<ExpertRelative> DeclareRelativeAsync(Guid expertId, RelativeInput input, CancellationToken ct)
    {
        var expert = await experts.LoadAsync(expertId, ct);
        var v = new ExpertValidation();
        if (input.Relationship is not { } relationship || !Enum.IsDefined(relationship))
        {
            v.Fail("relationship", "请选择与专家的关系（配偶、父母、子女、兄弟姐妹等）。");
            relationship = RelativeRelationship.Other;
        }

        var name = v.OptionalText("name", input.Name, "亲属姓名", 50);
        var code = v.CreditCodeOf("employerCreditCode", input.EmployerCreditCode, required: false);
        var employer = v.OptionalText("employerName", input.EmployerName, "亲属工作单位名称", 200);
        if (code.Length == 0 && name is null)
        {
            v.Fail("employerCreditCode", "请至少填写亲属工作单位的统一社会信用代码或亲属姓名，回避时据此识别。");
        }

        if (code.Length > 0 && employer is null)
        {
            v.Fail("employerName", "填写了亲属工作单位的统一社会信用代码的，请一并填写单位名称。");
        }

        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        var relative = new ExpertRelative
        {
            Id = Guid.CreateVersion7(now),
            ExpertId = expert.Id,
            Relationship = relationship,
            NameCipher = name is null ? null : protector.ProtectRelativeName(name),
            EmployerCreditCode = code.Length == 0 ? null : code,
            EmployerName = employer,
            DeclaredAt = now,
        };
        expert.Relatives.Add(relative);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.RelativeDeclared, expert, new
        {
            expert = expert.Code,
            relative = relative.Id,
            relationship = relationship.ToString(),
            withEmployer = relative.EmployerCreditCode is not null,
            withName = name is not null,
        }), ct);
        return relative;
    }

    public async Task WithdrawRelativeAsync(Guid expertId, Guid relativeId, CancellationToken ct)
    {
        var expert = await experts.LoadAsync(expertId, ct);
        var relative = expert.Relatives.FirstOrDefault(r => r.Id == relativeId && r.WithdrawnAt is null)
            ?? throw new NotFoundException("没有找到这条有效的亲属申报。");
        relative.WithdrawnAt = clock.GetUtcNow();
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.RelativeWithdrawn, expert, new { expert = expert.Code, relative = relative.Id }), ct);
    }
}
