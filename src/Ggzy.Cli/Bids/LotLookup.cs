namespace Ggzy.Cli.Bids;

/// <summary>Finds a lot's id by its trade code (标段编号) among the lots the account may see.</summary>
internal static class LotLookup
{
    public static async Task<LotListing> FindAsync(BidClient client, Retrier retry, string lotCode, CancellationToken ct)
    {
        var lots = await retry.RunAsync(() => client.LotsAsync(ct), ct);
        return lots.FirstOrDefault(l => string.Equals(l.LotTradeCode, lotCode, StringComparison.Ordinal))
            ?? throw new CliException($"平台上没有找到标段 {lotCode}：请核对标段编号，并确认本单位已获取该标段的招标文件、账户可以看到该标段。");
    }
}
