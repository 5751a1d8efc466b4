using System.ComponentModel.DataAnnotations;

namespace Ggzy.Experts.Features.Draws;

/// <summary>The draw's timing and its clock (section <c>Experts:Draw</c>, docs/expert-draw.md §1 and §8).</summary>
internal sealed class DrawOptions
{
    public const string SectionName = "Experts:Draw";

    /// <summary>
    /// How long before the evaluation the first round is drawn; never before the bid deadline, when the bidders (and so
    /// the recusal) are known. 24 hours by default.
    /// </summary>
    [Range(1, 24 * 14)]
    public int LeadHours { get; set; } = 24;

    /// <summary>How long a drawn expert has to answer; no answer in time counts as declined. 30 minutes by default.</summary>
    [Range(5, 24 * 60)]
    public int AnswerMinutes { get; set; } = 30;

    /// <summary>Sign-in opens this many minutes before the evaluation starts.</summary>
    [Range(0, 24 * 60)]
    public int SignInOpensMinutes { get; set; } = 60;

    /// <summary>Sign-in closes this many minutes after the evaluation started.</summary>
    [Range(0, 24 * 60)]
    public int SignInClosesMinutes { get; set; } = 240;

    /// <summary>Wrong codes allowed per seat and purpose before the code is void.</summary>
    [Range(1, 20)]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Seconds between two passes of the draw clock; 30 by default.</summary>
    [Range(1, 3600)]
    public int ClockIntervalSeconds { get; set; } = 30;

    public bool ClockEnabled { get; set; } = true;

    /// <summary><c>Simulated</c> (records the messages in the database); a production deployment registers its own gateway.</summary>
    [Required]
    public string Gateway { get; set; } = "Simulated";
}
