namespace Ggzy.Experts.Contracts;

/// <summary>
/// An expert as the center enters or corrects it. On a correction the ID number cannot change (it is the person); the
/// employer is changed with <see cref="EmploymentInput"/> so that the history keeps the old one.
/// </summary>
public sealed class ExpertInput
{
    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Mobile { get; set; }

    public string? Email { get; set; }

    public string? TitleName { get; set; }

    public TitleLevel? TitleLevel { get; set; }

    public string? SeniorEquivalence { get; set; }

    public DateOnly? PractisingSince { get; set; }

    public string? RegionCode { get; set; }

    public List<string> Specialties { get; set; } = [];

    /// <summary>Current employer's 统一社会信用代码 (only when adding).</summary>
    public string? EmployerCreditCode { get; set; }

    public string? EmployerName { get; set; }

    public DateOnly? EmployedSince { get; set; }
}

/// <summary>A change of employer (the old employment ends the day before <see cref="Since"/>), or a past employment.</summary>
public sealed class EmploymentInput
{
    public string? EmployerCreditCode { get; set; }

    public string? EmployerName { get; set; }

    public DateOnly? Since { get; set; }

    /// <summary>Only for a past employment: its last day.</summary>
    public DateOnly? Until { get; set; }
}

/// <summary>请假: from and to (inclusive, China days) and why.</summary>
public sealed class LeaveInput
{
    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A declared near relative: the relationship, and the relative's employer and/or name.</summary>
public sealed class RelativeInput
{
    public RelativeRelationship? Relationship { get; set; }

    public string? Name { get; set; }

    public string? EmployerCreditCode { get; set; }

    public string? EmployerName { get; set; }
}

/// <summary>An expert's own contact details.</summary>
public sealed class ContactInput
{
    public string? Mobile { get; set; }

    public string? Email { get; set; }
}

/// <summary>A suspension, blacklisting, lifting or retirement: from (China day), until (inclusive; optional), reason and basis.</summary>
public sealed class StatusInput
{
    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }

    public string? Reason { get; set; }

    public string? Basis { get; set; }
}
