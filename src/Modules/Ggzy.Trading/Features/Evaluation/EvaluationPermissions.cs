using Ggzy.Platform.Identity;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>
/// The permissions of the evaluation room (docs/evaluation.md §11). Each is checked again on the resource: a member acts
/// only in the room of its own lot and only once signed in; the tenderer and agency only on their own projects.
/// </summary>
internal static class EvaluationPermissions
{
    /// <summary>Set a lot's evaluation criteria before the room opens (resource: the project's tenderer or agency).</summary>
    public const string Setup = "trading.evaluation.setup";

    /// <summary>Open a lot's room once its opening is closed (resource: the lot's tenderer or agency; the center).</summary>
    public const string Open = "trading.evaluation.open";

    /// <summary>Act in a room as a member of its committee (resource: a member of that lot's committee, signed in).</summary>
    public const string Sit = "trading.evaluation.sit";

    /// <summary>See one's rooms, or a room's progress without bids and scores (the center, the authorities, the tenderer and agency).</summary>
    public const string Watch = "trading.evaluation.watch";

    /// <summary>Answer the committee's clarification requests and confirm or decline a price correction (resource: the bidder).</summary>
    public const string Respond = "trading.evaluation.respond";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Setup, "评标前设定标段的评标办法（评审因素、权重、评分标准）", [Tenderer, Agency]),
        new(Open, "开标结束后组建评标委员会、开启评标室", [Tenderer, Agency, CenterStaff, CenterAdministrator]),
        new(Sit, "作为评标委员会成员在评标室评审、评分、签署评标报告", [Expert, Tenderer, Agency]),
        new(Watch, "查看评标室的进度（评标委员会成员查看本人参加的评标）", [Expert, Tenderer, Agency, CenterStaff, CenterAdministrator, Regulator, Supervisor]),
        new(Respond, "答复评标委员会的澄清要求，确认或不确认报价修正", [Bidder]),
    ];
}
