namespace Ggzy.Platform.Rules;

public enum RuleUnit
{
    CalendarDays = 1,
    WorkingDays = 2,
    Percent = 3,
    Count = 4,

    /// <summary>万元.</summary>
    Amount = 5,

    /// <summary>Whole years (an expert's years of practice).</summary>
    Years = 6,
}

/// <summary>Which way a local override may tighten a rule: a minimum may only be raised, a maximum only lowered.</summary>
public enum RuleDirection
{
    Minimum = 1,
    Maximum = 2,
}

/// <summary>How sure the source of a rule is, with the labels of national-rules.md.</summary>
public enum RuleConfidence
{
    /// <summary>V-official: the whole article read in a full text from an official site.</summary>
    Official = 1,

    /// <summary>V-curated: a retyped full text; article numbers or single words may be wrong.</summary>
    Curated = 2,

    /// <summary>V-secondary: quoted word for word by third-party code or documents.</summary>
    Secondary = 3,

    /// <summary>V-impl: what a deployed system or a local rule does; not national law.</summary>
    Implementation = 4,

    /// <summary>UNVERIFIED: not found in the sources read.</summary>
    Unverified = 5,
}

public static class RuleKindNames
{
    public static string Label(this RuleConfidence confidence) => confidence switch
    {
        RuleConfidence.Official => "V-official",
        RuleConfidence.Curated => "V-curated",
        RuleConfidence.Secondary => "V-secondary",
        RuleConfidence.Implementation => "V-impl",
        RuleConfidence.Unverified => "UNVERIFIED",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, null),
    };

    /// <summary>The unit as it follows a number in Chinese text: 20 日, 5 个工作日, 2%, 30 万元.</summary>
    public static string Suffix(this RuleUnit unit) => unit switch
    {
        RuleUnit.CalendarDays => " 日",
        RuleUnit.WorkingDays => " 个工作日",
        RuleUnit.Percent => "%",
        RuleUnit.Count => "",
        RuleUnit.Amount => " 万元",
        RuleUnit.Years => " 年",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
