using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;

namespace Ggzy.Experts.Tests;

/// <summary>Valid inputs the tests vary one field at a time.</summary>
internal static class ExpertSamples
{
    /// <summary>A valid ID number: region 990102, born 1975-03-14, sequence <paramref name="sequence"/>.</summary>
    public static string IdNumber(int sequence = 123)
    {
        var first17 = "99010219750314" + sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + ExpertIdNumbers.CheckCharacter(first17);
    }

    public static string CreditCodeOf(string body)
    {
        var first17 = "91990100" + body + CreditCode.OrganizationCheckCharacter(body);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static readonly string Employer = CreditCodeOf("MA6H8Q2W");

    public static readonly string Bidder = CreditCodeOf("MA3E5M9R");

    public static ExpertInput Engineer(DateOnly today, int sequence = 123, string name = "欧阳明远") => new()
    {
        Name = name,
        IdNumber = IdNumber(sequence),
        Mobile = "13900001234",
        Email = "oy@example.cn",
        TitleName = "高级工程师",
        TitleLevel = TitleLevel.DeputySenior,
        PractisingSince = today.AddYears(-12),
        RegionCode = "990102",
        Specialties = ["A0801", "A0601"],
        EmployerCreditCode = Employer,
        EmployerName = "安和市建筑设计研究院有限公司",
        EmployedSince = today.AddYears(-5),
    };

    public static ExpertInput Accountant(DateOnly today, int sequence = 456) => new()
    {
        Name = "司马慧",
        IdNumber = IdNumber(sequence),
        Mobile = "13900005678",
        TitleName = "会计师",
        TitleLevel = TitleLevel.Intermediate,
        PractisingSince = today.AddYears(-3),
        RegionCode = "990100",
        Specialties = ["C0301"],
        EmployerCreditCode = Employer,
        EmployerName = "安和中正会计师事务所有限公司",
        EmployedSince = today.AddYears(-3),
    };
}
