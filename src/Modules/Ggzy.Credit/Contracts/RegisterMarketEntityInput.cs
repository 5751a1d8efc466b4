namespace Ggzy.Credit.Contracts;

/// <summary>一次注册：统一社会信用代码、主体信息、管理员账户，以及对信用承诺书的签署。</summary>
public sealed class RegisterMarketEntityInput
{
    /// <summary>统一社会信用代码（18 位，GB 32100-2015）。</summary>
    public string? CreditCode { get; set; }

    /// <summary>名称，与营业执照一致。</summary>
    public string? LegalName { get; set; }

    public MarketEntityKind? Kind { get; set; }

    /// <summary>登记机关所在地行政区划代码（6 位，GB/T 2260）。</summary>
    public string? RegionCode { get; set; }

    /// <summary>法定代表人（负责人、经营者）。</summary>
    public string? LegalRepresentative { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>拟参与的角色：Tenderer、Agency、Bidder、AuctionBuyer，可多选。</summary>
    public List<MarketRole>? Roles { get; set; }

    /// <summary>本单位管理员的用户名，创建后不能修改。</summary>
    public string? AdminUserName { get; set; }

    public string? AdminDisplayName { get; set; }

    /// <summary>至少 8 个字符，须同时包含大写字母、小写字母、数字和符号。</summary>
    public string? AdminPassword { get; set; }

    /// <summary>所签署的信用承诺书版本，须为当前版本。</summary>
    public string? CommitmentVersion { get; set; }

    /// <summary>“我已阅读并签署”：未勾选不能注册。</summary>
    public bool CommitmentSigned { get; set; }
}
