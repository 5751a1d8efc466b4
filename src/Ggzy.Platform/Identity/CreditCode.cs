namespace Ggzy.Platform.Identity;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority, entity kind, region (GB/T 2260),
/// the organisation code with its GB 11714 check digit, and a final check character.
/// </summary>
public readonly record struct CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public string RegionCode => Value.Substring(2, 6);

    /// <summary>Positions 1–2: the registration authority (登记管理部门代码) and the organisation category (机构类别代码).</summary>
    public string Category => Value[..2];

    /// <summary>
    /// The registration authority and category positions 1–2 stand for (GB 32100-2015 code table, e.g. <c>92</c>
    /// 工商·个体工商户), or null when the standard defines no such pair.
    /// </summary>
    public static string? CategoryName(string? firstTwo) =>
        firstTwo is { Length: 2 } && Categories.TryGetValue(firstTwo, out var name) ? name : null;

    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["11"] = "机构编制·机关",
        ["12"] = "机构编制·事业单位",
        ["13"] = "机构编制·群众团体",
        ["19"] = "机构编制·其他",
        ["21"] = "外交·外国常驻新闻机构",
        ["29"] = "外交·其他",
        ["31"] = "司法行政·律师执业机构",
        ["32"] = "司法行政·公证处",
        ["33"] = "司法行政·基层法律服务所",
        ["34"] = "司法行政·司法鉴定机构",
        ["35"] = "司法行政·仲裁委员会",
        ["39"] = "司法行政·其他",
        ["41"] = "文化·外国在华文化中心",
        ["49"] = "文化·其他",
        ["51"] = "民政·社会团体",
        ["52"] = "民政·民办非企业单位",
        ["53"] = "民政·基金会",
        ["59"] = "民政·其他",
        ["61"] = "旅游·外国旅游部门常驻代表机构",
        ["62"] = "旅游·港澳台地区旅游部门常驻内地代表机构",
        ["69"] = "旅游·其他",
        ["71"] = "宗教·宗教活动场所",
        ["72"] = "宗教·宗教院校",
        ["79"] = "宗教·其他",
        ["81"] = "工会·基层工会",
        ["89"] = "工会·其他",
        ["91"] = "工商·企业",
        ["92"] = "工商·个体工商户",
        ["93"] = "工商·农民专业合作社",
        ["A1"] = "军队·军队事业单位",
        ["A9"] = "军队·其他",
        ["N1"] = "农业·组级集体经济组织",
        ["N2"] = "农业·村级集体经济组织",
        ["N3"] = "农业·乡镇级集体经济组织",
        ["N9"] = "农业·其他",
        ["Y1"] = "其他",
    };

    public override string ToString() => Value;

    public static bool TryParse(string? input, out CreditCode code, out string error)
    {
        code = default;
        var value = (input ?? "").Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            error = "统一社会信用代码应为 18 位（GB 32100-2015），请核对营业执照。";
            return false;
        }

        if (value.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            error = "统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），请核对营业执照。";
            return false;
        }

        // The embedded organisation code is checked first: a typo in positions 9–17 then names position 17, and the
        // whole-code check character (position 18) is blamed only when the organisation code is consistent.
        if (value[16] != OrganizationCheckCharacter(value.AsSpan(8, 8)))
        {
            error = "统一社会信用代码第 17 位（组织机构代码校验码，GB 11714-1997）与第 9–16 位不符，请核对第 9–17 位。";
            return false;
        }

        if (value[17] != CheckCharacter(value.AsSpan(0, 17)))
        {
            error = "统一社会信用代码第 18 位（校验码，GB 32100-2015）与前 17 位不符，请逐位核对营业执照。";
            return false;
        }

        code = new CreditCode(value);
        error = "";
        return true;
    }

    public static CreditCode Parse(string input) =>
        TryParse(input, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>The GB 32100 check character over the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The GB 11714 check digit over the eight body characters of an organisation code.</summary>
    public static char OrganizationCheckCharacter(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            var v = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * OrganizationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var d => (char)('0' + d),
        };
    }
}
