namespace Ggzy.Credit.Contracts;

/// <summary>The kind of a market entity as its business licence states it.</summary>
public enum MarketEntityKind
{
    /// <summary>法人</summary>
    LegalPerson = 1,

    /// <summary>非法人组织</summary>
    UnincorporatedOrganization = 2,

    /// <summary>个体工商户</summary>
    IndividualBusiness = 3,
}
