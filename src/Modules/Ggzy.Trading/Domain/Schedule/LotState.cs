namespace Ggzy.Trading.Domain.Schedule;

/// <summary>Where a lot's procedure stands.</summary>
internal enum LotState
{
    /// <summary>草稿: the schedule may still change.</summary>
    Draft = 1,

    /// <summary>已发布公告 (or the invitations were sent).</summary>
    Announced = 2,

    /// <summary>文件发售中.</summary>
    DocumentsOnSale = 3,

    /// <summary>投标中: the documents are no longer on sale; bids are still received.</summary>
    BiddingOpen = 4,

    /// <summary>投标已截止 (= opening).</summary>
    DeadlinePassed = 5,

    /// <summary>已暂停: e.g. until an objection is answered (实施条例 第二十二条).</summary>
    Paused = 6,

    /// <summary>招标失败 (流标): e.g. fewer than three bids.</summary>
    Failed = 7,

    /// <summary>已终止 (终止招标).</summary>
    Terminated = 8,

    /// <summary>评标中: the evaluation committee has signed in and the evaluation room is open.</summary>
    Evaluating = 9,

    /// <summary>评标结束: the evaluation report is signed and its ranked candidates are known.</summary>
    Evaluated = 10,

    /// <summary>中标候选人公示中 (工程招标); 政府采购 goes from <see cref="Evaluated"/> straight to <see cref="Awarded"/>.</summary>
    Publicity = 11,

    /// <summary>已定标: the award notice (中标通知书 / 成交通知书) is issued and the result announced.</summary>
    Awarded = 12,

    /// <summary>合同已签订.</summary>
    Contracted = 13,

    /// <summary>已归档: the archive package is built; nothing changes any more.</summary>
    Archived = 14,
}

/// <summary>What moves a lot from one state to another.</summary>
internal enum LotTrigger
{
    Publish = 1,
    OpenDocumentSale = 2,
    CloseDocumentSale = 3,
    PassDeadline = 4,
    Pause = 5,
    Resume = 6,
    Fail = 7,
    Terminate = 8,
    StartEvaluation = 9,
    SubmitReport = 10,
    StartPublicity = 11,
    Award = 12,
    SignContract = 13,
    Archive = 14,
}

/// <summary>One step of a lot's procedure, as a later slice stores it.</summary>
internal sealed record LotTransition(LotState From, LotState To, LotTrigger Trigger, DateTimeOffset At, string? Reason);

internal static class LotStateNames
{
    public static string Label(this LotState state) => state switch
    {
        LotState.Draft => "草稿",
        LotState.Announced => "已发布公告",
        LotState.DocumentsOnSale => "文件发售中",
        LotState.BiddingOpen => "投标中",
        LotState.DeadlinePassed => "投标已截止",
        LotState.Paused => "已暂停",
        LotState.Failed => "招标失败",
        LotState.Terminated => "已终止",
        LotState.Evaluating => "评标中",
        LotState.Evaluated => "评标结束",
        LotState.Publicity => "中标候选人公示中",
        LotState.Awarded => "已定标",
        LotState.Contracted => "合同已签订",
        LotState.Archived => "已归档",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Label(this LotTrigger trigger) => trigger switch
    {
        LotTrigger.Publish => "发布公告",
        LotTrigger.OpenDocumentSale => "开始发售文件",
        LotTrigger.CloseDocumentSale => "结束文件发售",
        LotTrigger.PassDeadline => "截止投标",
        LotTrigger.Pause => "暂停",
        LotTrigger.Resume => "恢复",
        LotTrigger.Fail => "宣布招标失败",
        LotTrigger.Terminate => "终止招标",
        LotTrigger.StartEvaluation => "开始评标",
        LotTrigger.SubmitReport => "提交评标报告",
        LotTrigger.StartPublicity => "发布中标候选人公示",
        LotTrigger.Award => "定标并发出中标通知书",
        LotTrigger.SignContract => "签订合同",
        LotTrigger.Archive => "归档",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
