using Ggzy.Platform.Rules;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// Checks a schedule against every statutory timing of its regime, counted as 87号令 第八十五条 counts (the start day
/// is not counted; a period whose last day is a holiday or rest day ends on the next working day), and returns every
/// violation with the earliest date that would satisfy the rule.
/// </summary>
internal sealed class ScheduleValidator(StatutoryTiming timing)
{
    public ScheduleAssessment Check(ProcedureSchedule schedule)
    {
        var check = new Run(timing, schedule);
        check.Order();
        if (check.Violations.Count == 0)
        {
            check.Timings();
        }

        return new ScheduleAssessment(check.Violations, [.. check.UnknownYears]);
    }

    private sealed class Run(StatutoryTiming timing, ProcedureSchedule s)
    {
        public List<ScheduleViolation> Violations { get; } = [];

        public SortedSet<int> UnknownYears { get; } = [];

        public void Order()
        {
            if (s.DocumentsFrom < s.AnnouncedAt)
            {
                Out(nameof(s.DocumentsFrom), $"{s.DocumentsName}开始发售时间 {Text(s.DocumentsFrom)} 早于公告发布时间 {Text(s.AnnouncedAt)}，请改为公告发布之后。");
            }

            if (s.DocumentsUntil <= s.DocumentsFrom)
            {
                Out(nameof(s.DocumentsUntil), $"{s.DocumentsName}发售截止时间 {Text(s.DocumentsUntil)} 须晚于开始发售时间 {Text(s.DocumentsFrom)}，请更正。");
            }

            if (s.Deadline < s.DocumentsUntil)
            {
                Out(nameof(s.Deadline), $"{s.DeadlineName} {Text(s.Deadline)} 早于{s.DocumentsName}发售截止时间 {Text(s.DocumentsUntil)}，请更正。");
            }

            if (s.Regime == Regime.Procurement && s.HasPublicNotice && s.AnnouncementEndsAt is null)
            {
                Out(nameof(s.AnnouncementEndsAt), "请填写公告期限的截止时间：政府采购招标公告、资格预审公告须公告一定期限。");
            }

            if (s.AnnouncementEndsAt is { } ends && ends <= s.AnnouncedAt)
            {
                Out(nameof(s.AnnouncementEndsAt), $"公告期限截止时间 {Text(ends)} 须晚于公告发布时间 {Text(s.AnnouncedAt)}，请更正。");
            }

            if (s.IsInvited && s.InviteeCount is null)
            {
                Out(nameof(s.InviteeCount), "邀请招标须填写发出投标邀请书的对象数量。");
            }
        }

        public void Timings()
        {
            if (s.Regime == Regime.Tender)
            {
                TenderTimings();
            }
            else
            {
                ProcurementTimings();
            }
        }

        private void TenderTimings()
        {
            AtLeast(StatutoryRules.TenderDocumentsSale, nameof(s.DocumentsUntil), Day(s.DocumentsFrom), Day(s.DocumentsUntil),
                $"{s.DocumentsName}发售期自 {Text(Day(s.DocumentsFrom))} 起", "发售截止日期");
            if (s.Prequalification)
            {
                AtLeast(StatutoryRules.TenderPrequalificationApplication, nameof(s.Deadline), Day(s.DocumentsUntil), Day(s.Deadline),
                    $"资格预审文件自 {Text(Day(s.DocumentsUntil))} 停止发售", "提交资格预审申请文件截止日期");
            }
            else
            {
                AtLeast(StatutoryRules.TenderDocumentsToDeadline, nameof(s.Deadline), Day(s.DocumentsFrom), Day(s.Deadline),
                    $"招标文件自 {Text(Day(s.DocumentsFrom))} 开始发出", "投标截止日期");
            }

            if (s.IsInvited)
            {
                Invitees(StatutoryRules.TenderInvitees);
            }
        }

        private void ProcurementTimings()
        {
            if (s.HasPublicNotice && s.AnnouncementEndsAt is { } ends)
            {
                AtLeast(StatutoryRules.ProcurementNoticePeriod, nameof(s.AnnouncementEndsAt), Day(s.AnnouncedAt), Day(ends),
                    $"{(s.Prequalification ? "资格预审公告" : "招标公告")}自 {Text(Day(s.AnnouncedAt))} 发布", "公告期限截止日期");
            }

            if (s.Prequalification)
            {
                AtLeast(StatutoryRules.ProcurementPrequalificationApplication, nameof(s.Deadline), Day(s.AnnouncedAt), Day(s.Deadline),
                    $"资格预审公告自 {Text(Day(s.AnnouncedAt))} 发布", "提交资格预审申请文件截止日期");
            }
            else
            {
                AtLeast(StatutoryRules.ProcurementDocumentsProvision, nameof(s.DocumentsUntil), Day(s.DocumentsFrom), Day(s.DocumentsUntil),
                    $"招标文件提供期限自 {Text(Day(s.DocumentsFrom))} 起", "招标文件提供截止日期");
                AtLeast(StatutoryRules.ProcurementDocumentsToDeadline, nameof(s.Deadline), Day(s.DocumentsFrom), Day(s.Deadline),
                    $"招标文件自 {Text(Day(s.DocumentsFrom))} 开始发出", "投标截止日期");
            }

            if (s.IsInvited)
            {
                Invitees(StatutoryRules.ProcurementInvitees);
                if (!s.InviteesDrawnWithRecord)
                {
                    var rule = timing.Rule(StatutoryRules.ProcurementInvitees);
                    Broken(rule, nameof(s.InviteesDrawnWithRecord),
                        "政府采购邀请招标的供应商须从符合条件的供应商中随机抽取，并有书面记录；请先完成随机抽取并上传抽取记录", null);
                }
            }
        }

        // The period of the rule starts the day after `start`; `actual` must not be before its last day.
        private void AtLeast(StatutoryRule statutory, string field, DateOnly start, DateOnly actual, string opening, string what)
        {
            var rule = timing.Rule(statutory);
            var end = timing.PeriodEnd(start, rule);
            UnknownYears.UnionWith(end.UnknownYears);
            if (actual < end.Date)
            {
                Broken(rule, field,
                    $"{opening}，至 {Text(actual)} 不足 {Amount(rule)}，{what}最早为 {Text(end.Date)}（{Counting(rule)}），请推迟",
                    end.Date);
            }
        }

        private void Invitees(StatutoryRule statutory)
        {
            var rule = timing.Rule(statutory);
            if (s.InviteeCount is { } count && count < rule.Value)
            {
                Broken(rule, nameof(s.InviteeCount),
                    $"邀请招标应向不少于 {Amount(rule)} 个特定对象发出投标邀请书，现只有 {count} 个，请增加被邀请对象", null);
            }
        }

        private void Broken(EffectiveRule rule, string field, string problem, DateOnly? earliest) =>
            Violations.Add(new ScheduleViolation(field, rule.Violation(problem, field).Message, rule.Rule.Key, rule.Source, earliest));

        private void Out(string field, string message) => Violations.Add(new ScheduleViolation(field, message, null, null, null));

        private static string Amount(EffectiveRule rule) => StatutoryRule.Format(rule.Value) + rule.Rule.Unit.Suffix();

        private static string Counting(EffectiveRule rule) => rule.Rule.Unit == RuleUnit.WorkingDays
            ? "开始当天不计入，只计工作日"
            : "开始当天不计入，最后一日遇法定节假日或休息日顺延";
    }
}
