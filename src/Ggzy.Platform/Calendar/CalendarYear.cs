namespace Ggzy.Platform.Calendar;

/// <summary>The holiday schedule of one year as the State Council published it, or as the Regulator corrected it.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>The notice the schedule comes from (国务院办公厅关于…部分节假日安排的通知).</summary>
    public required string Notice { get; set; }

    public CalendarSource Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public List<CalendarPeriod> Periods { get; set; } = [];

    public List<CalendarWorkday> Workdays { get; set; } = [];
}

public enum CalendarSource
{
    Shipped = 1,
    EditedByRegulator = 2,
}

/// <summary>A holiday period (放假): every day from <see cref="From"/> to <see cref="To"/> is a day off.</summary>
public sealed class CalendarPeriod
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public required string Name { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}

/// <summary>A weekend day that is a working day (调休上班).</summary>
public sealed class CalendarWorkday
{
    public DateOnly Date { get; set; }

    public int Year { get; set; }
}
