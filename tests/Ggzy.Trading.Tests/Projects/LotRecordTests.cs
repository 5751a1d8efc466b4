using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Projects;

public sealed class LotRecordTests
{
    [Fact]
    public void Lot_WithoutSchedule_HasNoProcedure()
    {
        var lot = NewLot();

        lot.Procedure(Regime.Tender).ShouldBeNull();
        lot.State.ShouldBe(LotState.Draft);
    }

    [Fact]
    public void Record_StoresStateScheduleAndEachStepOnce()
    {
        var lot = NewLot();
        var schedule = ValidTender();
        lot.Plan(schedule, "agency");
        var procedure = lot.Procedure(Regime.Tender)!;

        procedure.Publish(new ScheduleValidator(National), schedule.AnnouncedAt);
        procedure.OpenDocumentSale(schedule.DocumentsFrom);
        lot.Record(procedure, "agency");

        lot.State.ShouldBe(LotState.DocumentsOnSale);
        lot.Deadline.ShouldBe(schedule.Deadline);
        lot.Steps.Select(s => s.To).ShouldBe([LotState.Announced, LotState.DocumentsOnSale]);
        lot.Revision.ShouldBe(2);
        var restored = lot.Procedure(Regime.Tender)!;
        restored.State.ShouldBe(LotState.DocumentsOnSale);
        restored.History.ShouldBeEmpty();
    }

    private static Lot NewLot() => new()
    {
        Id = Guid.NewGuid(),
        ProjectId = Guid.NewGuid(),
        Number = 1,
        Name = "施工",
        TradeCode = TradeCodes.ForLot(TradeCodes.ForProject("工程建设", "990100", 2026, 1), 1),
        EstimatedAmount = 1_000_000m,
    };
}
