namespace Ggzy.Trading.Domain.Schedule;

/// <summary>The law a procedure runs under: it decides which statutory timings apply.</summary>
internal enum Regime
{
    /// <summary>工程建设项目招标投标，适用《招标投标法》及其实施条例.</summary>
    Tender = 1,

    /// <summary>政府采购，适用《政府采购法》及其实施条例、财政部令第87号.</summary>
    Procurement = 2,
}

/// <summary>The procurement method of a lot. Only the two tender methods have a schedule here.</summary>
internal enum ProcurementMethod
{
    /// <summary>公开招标.</summary>
    OpenTender = 1,

    /// <summary>邀请招标.</summary>
    InvitedTender = 2,
}
