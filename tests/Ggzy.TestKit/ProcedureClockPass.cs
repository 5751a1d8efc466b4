using Ggzy.Trading.Features.Procedures;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.TestKit;

/// <summary>
/// One pass of the procedure clock (ADR 0014) on a running host, run by the test rather than by the clock's timer (set
/// <c>Trading:ProcedureClock:Enabled</c> to false): the same pass the timer runs, at the moment the test chooses, so that a
/// test can see what is shown between a deadline and the pass that acts on it.
/// </summary>
public static class ProcedureClockPass
{
    /// <summary>Runs one pass; returns how many announcements, lot steps, bid closings and opening steps it saved.</summary>
    public static Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ProcedureClock>().RunOnceAsync(ct);
}
