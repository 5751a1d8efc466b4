using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>The worked example of docs/ledger.md, so that the document cannot drift from the code.</summary>
public sealed class LedgerHashVectorTests
{
    private static readonly DateTimeOffset RecordedAt = new DateTimeOffset(2026, 11, 23, 4, 5, 6, TimeSpan.Zero).AddTicks(7_891_000);

    [Fact]
    public void DocumentedEntry_EncodesAndHashesAsDocumented()
    {
        var entry = new LedgerEntry
        {
            Sequence = 1,
            RecordedAt = RecordedAt,
            Actor = "zhang.san",
            Role = "agency",
            Organization = "安和市公共资源交易中心",
            ClientIp = "192.0.2.18",
            Type = "trading.bid.submitted",
            Subject = "lot:7",
            Payload = """{"amount":1234567.89,"note":"投标文件已递交"}""",
            PreviousHash = LedgerHash.Genesis,
            Hash = "",
        };

        var bytes = LedgerHash.Encode(entry.PreviousHash, entry.Sequence, entry.RecordedAt, entry.Actor, entry.Role,
            entry.Organization, entry.ClientIp, entry.Type, entry.Subject, entry.Payload);

        LedgerHash.ToUnixMicroseconds(RecordedAt).ShouldBe(1_795_406_706_789_100);
        bytes.Length.ShouldBe(212);
        Convert.ToHexStringLower(bytes).ShouldBe(
            "0000000000000000000000000000000000000000000000000000000000000000" + "0000000000000001" + "000660e9b2fc4aec"
            + "00000009" + "7a68616e672e73616e" + "00000006" + "6167656e6379"
            + "00000021" + "e5ae89e5928ce5b882e585ace585b1e8b584e6ba90e4baa4e69893e4b8ade5bf83"
            + "0000000a" + "3139322e302e322e3138" + "00000015" + "74726164696e672e6269642e7375626d6974746564"
            + "00000005" + "6c6f743a37"
            + "00000034" + "7b22616d6f756e74223a313233343536372e38392c226e6f7465223a22e68a95e6a087e69687e4bbb6e5b7b2e98092e4baa4227d");
        LedgerHash.Compute(entry).ShouldBe("2043852e351e09e1541d43b18abfb99bcf8a4ca2102a1a16d92821e1cd39edf8");
    }

    [Fact]
    public void SqliteStoredTime_IsTheDocumentedBinaryForm_AndRoundTrips()
    {
        var converter = new DateTimeOffsetToBinaryConverter();

        var stored = (long)converter.ConvertToProvider(RecordedAt)!;

        stored.ShouldBe(1_309_306_951_819_040_768);
        ((stored >> 11) * 1000).ShouldBe(RecordedAt.UtcTicks);
        converter.ConvertFromProvider(stored).ShouldBe(RecordedAt);
    }

    [Fact]
    public void Truncate_KeepsWhatSqliteStores()
    {
        var converter = new DateTimeOffsetToBinaryConverter();
        var written = LedgerHash.Truncate(RecordedAt.AddTicks(987));

        converter.ConvertFromProvider(converter.ConvertToProvider(written)).ShouldBe(written);
    }
}
