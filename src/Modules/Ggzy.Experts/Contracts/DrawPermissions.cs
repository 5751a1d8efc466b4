using Ggzy.Platform.Identity;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Experts.Contracts;

/// <summary>
/// The permissions of the expert draw (docs/expert-draw.md §9). Nobody sees who was drawn before the expert signs in at
/// the evaluation; then only the center's staff of that lot see the name, each time on the Ledger (R23, 1117号 (十四)).
/// </summary>
public static class DrawPermissions
{
    /// <summary>Request a draw for a lot of one's own project (resource: the lot's tenderer or agency).</summary>
    public const string Request = "experts.draw.request";

    /// <summary>See draws: the tenderer and agency their own lots', the center and the authorities all — progress and counts, no names.</summary>
    public const string Read = "experts.draw.read";

    /// <summary>Run a draw now, close it after the evaluation (revealing its seeds), and see signed-in experts' names.</summary>
    public const string Host = "experts.draw.host";

    /// <summary>Answer one's own invitations with the one-time code and sign in at the evaluation.</summary>
    public const string Answer = "experts.draw.answer";

    /// <summary>See the messages of the simulated notification gateway (development and demonstration only).</summary>
    public const string ReadSimulatedMessages = "experts.notifications.simulated";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Request, "为本单位项目的标段申请抽取评标专家", [Tenderer, Agency]),
        new(Read, "查看专家抽取的进度和统计（不含专家身份）", [Tenderer, Agency, CenterAdministrator, CenterStaff, Regulator, Supervisor]),
        new(Host, "立即抽取、评标结束后关闭抽取并公开随机种子，查看已签到专家的姓名", [CenterAdministrator, CenterStaff]),
        new(Answer, "答复本人的抽取通知、评标签到并签署信用承诺书", [Expert]),
        new(ReadSimulatedMessages, "查看模拟通知网关发出的短信（仅开发和演示环境）", [CenterAdministrator]),
    ];
}
