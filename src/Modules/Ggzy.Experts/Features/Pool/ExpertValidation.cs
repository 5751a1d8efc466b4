using System.Net.Mail;
using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Features.Pool;

/// <summary>Field checks shared by the pool's forms; each failure names the field (camelCase) and says what to fix.</summary>
internal sealed class ExpertValidation
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public void Fail(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InputValidationException(_errors);
        }
    }

    public string Text(string field, string? value, string label, int max, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
        {
            Fail(field, $"请填写{label}。");
        }
        else if (text.Length > max)
        {
            Fail(field, $"{label}不能超过 {max} 个字，请精简。");
        }

        return text;
    }

    public string? OptionalText(string field, string? value, string label, int max)
    {
        var text = Text(field, value, label, max, required: false);
        return text.Length == 0 ? null : text;
    }

    public string IdNumber(string field, string? value)
    {
        if (ExpertIdNumbers.TryNormalize(value, out var number, out var error))
        {
            return number;
        }

        Fail(field, error);
        return "";
    }

    public string Mobile(string field, string? value)
    {
        var mobile = (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (mobile.Length != 11 || mobile[0] != '1' || !mobile.All(char.IsAsciiDigit))
        {
            Fail(field, "手机号码应为 11 位数字、以 1 开头，用于抽取通知，请核对。");
        }

        return mobile;
    }

    public string? Email(string field, string? value)
    {
        var email = (value ?? "").Trim();
        if (email.Length == 0)
        {
            return null;
        }

        if (email.Length > 100 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            Fail(field, "电子邮箱格式不正确（如 name@example.cn），可不填。");
        }

        return email;
    }

    public string CreditCodeOf(string field, string? value, bool required = true)
    {
        if (!required && string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        if (CreditCode.TryParse(value, out var code, out var error))
        {
            return code.Value;
        }

        Fail(field, error);
        return "";
    }

    public string Region(string field, string? value)
    {
        var region = (value ?? "").Trim();
        if (!RegionCodes.IsValid(region))
        {
            Fail(field, "行政区划代码应为 6 位数字（GB/T 2260），如 990102。");
        }

        return region;
    }

    public DateOnly Date(string field, DateOnly? value, string label, DateOnly? notAfter = null)
    {
        if (value is not { } date)
        {
            Fail(field, $"请填写{label}。");
            return default;
        }

        if (notAfter is { } limit && date > limit)
        {
            Fail(field, $"{label}不能晚于今天（{limit:yyyy-MM-dd}）。");
        }

        return date;
    }

    public IReadOnlyList<string> Specialties(string field, IEnumerable<string>? codes, SpecialtyCatalog catalog)
    {
        var wanted = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            Fail(field, "请至少选择一个评标专业（《评标专家专业分类标准》）。");
            return [];
        }

        var unknown = wanted.Where(c => catalog.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            Fail(field, $"专业代码 {string.Join("、", unknown)} 不在专业分类表中，请从列表中选择。");
        }

        var notLeaf = wanted.Except(unknown).Where(c => !catalog.IsLeaf(c)).ToList();
        if (notLeaf.Count > 0)
        {
            Fail(field, $"{string.Join("、", notLeaf.Select(c => $"{c} {catalog.NameOf(c)}"))} 是专业大类，请选择其下的具体专业。");
        }

        if (wanted.Count > 10)
        {
            Fail(field, "每位专家最多登记 10 个评标专业。");
        }

        return wanted;
    }

    public TitleLevel Level(string field, TitleLevel? level)
    {
        if (level is not { } value || !Enum.IsDefined(value))
        {
            Fail(field, "请选择职称等级（正高级、副高级、中级、初级或无职称）。");
            return TitleLevel.None;
        }

        return value;
    }

    /// <summary>A refusal by a rule of the platform, with its stable code for API clients.</summary>
    public static BusinessRuleException Refuse(string code, string message, int status = 422, string? citation = null, string? field = null) =>
        new(message, citation, field) { Code = code, Status = status };
}
