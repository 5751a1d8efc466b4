namespace Ggzy.Experts.Contracts;

/// <summary>Who rates an expert after a lot (一标一评, R24): the center that ran the evaluation, and the lot's tenderer.</summary>
public enum RaterKind
{
    Center = 1,
    Tenderer = 2,
}

/// <summary>
/// The grade a score falls in. The bands are the platform's convention (no national rule fixes them): 90 and above
/// 优秀, 75 称职, 60 基本称职, below 60 不称职.
/// </summary>
public enum ExpertGrade
{
    Incompetent = 1,
    BasicallyCompetent = 2,
    Competent = 3,
    Excellent = 4,
}

/// <summary>One rating: a score from 0 to 100 and a comment (required when the grade is 不称职).</summary>
public sealed class RatingInput
{
    public Guid? SeatId { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }
}

public static class ExpertGrades
{
    public static ExpertGrade Of(int score) => score switch
    {
        >= 90 => ExpertGrade.Excellent,
        >= 75 => ExpertGrade.Competent,
        >= 60 => ExpertGrade.BasicallyCompetent,
        _ => ExpertGrade.Incompetent,
    };

    public static string Label(this ExpertGrade grade) => grade switch
    {
        ExpertGrade.Excellent => "优秀",
        ExpertGrade.Competent => "称职",
        ExpertGrade.BasicallyCompetent => "基本称职",
        ExpertGrade.Incompetent => "不称职",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };

    public static string Label(this RaterKind rater) => rater switch
    {
        RaterKind.Center => "交易中心",
        RaterKind.Tenderer => "招标人",
        _ => throw new ArgumentOutOfRangeException(nameof(rater), rater, null),
    };
}
