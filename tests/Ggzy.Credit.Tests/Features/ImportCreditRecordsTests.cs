using System.Text;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Credit.Tests.CreditRecordSteps;

namespace Ggzy.Credit.Tests.Features;

/// <summary>Bulk import (docs/credit-records-import.md): all or nothing, per-item errors with index and line, idempotent.</summary>
public sealed class ImportCreditRecordsTests : IAsyncLifetime
{
    private CreditTestHost _host = null!;
    private string _code = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.InstallCalendarAsync();
        _code = await _host.RegisterAsync("M000100Y", "imported.admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private string File(string secondDecisionDate = "2026-11-10") => $$"""
        {
          "format": "ggzy.credit-records.v1",
          "sourceSystem": "安和市住建局信用管理系统",
          "records": [
            {
              "creditCode": "{{_code}}",
              "kind": "Penalty",
              "decisionNumber": "安建罚〔2026〕31号",
              "decidingBody": "安和市住房和城乡建设局",
              "decisionDate": "2026-11-02",
              "facts": "未按规定设置安全防护设施，罚款 3 万元。"
            },
            {
              "creditCode": "{{_code}}",
              "kind": "Penalty",
              "action": "Correction",
              "refersToDecisionNumber": "安建罚〔2026〕31号",
              "reason": "罚款金额笔误。",
              "decisionNumber": "安建罚更〔2026〕4号",
              "decidingBody": "安和市住房和城乡建设局",
              "decisionDate": "{{secondDecisionDate}}",
              "facts": "未按规定设置安全防护设施，罚款 2 万元。"
            },
            {
              "expertIdNumber": "{{IdNumber()}}",
              "expertName": "林振华",
              "kind": "Violation",
              "decisionNumber": "安建专〔2026〕2号",
              "decidingBody": "安和市住房和城乡建设局",
              "decisionDate": "2026-11-20",
              "facts": "评标时未按评标办法评审。"
            }
          ]
        }
        """;

    private Task<CreditRecordImportResult> ImportAsync(string json) =>
        _host.RunAsync(sp => sp.GetRequiredService<ICreditRecords>().ImportAsync(Encoding.UTF8.GetBytes(json), Ct));

    [Fact]
    public async Task Import_ValidFile_StoresEveryRecord_ACorrectionMayReferToAnEarlierItem_AndReimportAddsNothing()
    {
        var result = await ImportAsync(File());

        result.Imported.ShouldBe(3);
        result.Skipped.ShouldBe(0);
        var records = await _host.StandingAsync(s => s.RecordsOfEntityAsync(_code, false, Ct));
        records.Single(r => r.DecisionNumber == "安建罚〔2026〕31号").Status.ShouldBe(CreditRecordStatus.Corrected);
        records.Single(r => r.DecisionNumber == "安建罚更〔2026〕4号").SourceSystem.ShouldBe("安和市住建局信用管理系统");
        records.Single(r => r.DecisionNumber == "安建罚〔2026〕31号").IsLate.ShouldBeTrue();
        (await _host.LedgerAsync("credit.record.entered", Ct)).Count.ShouldBe(3);
        var before = await _host.RecordCountsAsync();

        var again = await ImportAsync(File());

        again.ShouldBe(new CreditRecordImportResult(0, 3, []), new ImportResultComparer());
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_AnItemWithAFutureDecisionDate_NamesItsIndexAndLine_AndStoresNothing()
    {
        var before = await _host.RecordCountsAsync();

        var refused = await Should.ThrowAsync<InputValidationException>(() => ImportAsync(File("2026-12-01")));

        var message = refused.Errors.ShouldHaveSingleItem();
        message.Key.ShouldBe("records[1]");
        message.Value.ShouldHaveSingleItem().ShouldContain("第 2 条记录（records[1]，第 13 行）");
        message.Value[0].ShouldContain("晚于今天");
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("{ \"format\": \"other\", \"records\": [] }", "format")]
    [InlineData("{ \"format\": \"ggzy.credit-records.v1\", \"records\": [ { \"kind\": \"Nonsense\" } ] }", "不是有效的 JSON")]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("{ \"format\": \"ggzy.credit-records.v1\", \"records\": [] }", "1 至 1000 条")]
    public async Task Import_AFileThatIsNotTheFormat_IsRefusedAsAWhole(string json, string expected)
    {
        var refused = await Should.ThrowAsync<InputValidationException>(() => ImportAsync(json));

        refused.Errors["file"].ShouldHaveSingleItem().ShouldContain(expected);
    }

    private sealed class ImportResultComparer : IEqualityComparer<CreditRecordImportResult>
    {
        public bool Equals(CreditRecordImportResult? x, CreditRecordImportResult? y) =>
            x is not null && y is not null && x.Imported == y.Imported && x.Skipped == y.Skipped && x.ImportedIds.SequenceEqual(y.ImportedIds);

        public int GetHashCode(CreditRecordImportResult obj) => obj.Imported;
    }
}
