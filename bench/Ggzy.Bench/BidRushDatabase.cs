using System.Data.Common;
using Ggzy.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ggzy.Bench;

/// <summary>A bid row as stored by the platform.</summary>
internal sealed record StoredBid(Guid BidId, string Bidder, string Digest, long Size, int Status)
{
    /// <summary>trading_bids.status of a bid that is its bidder's current one (BidStatus.Current).</summary>
    public const int Current = 1;
}

/// <summary>Reads the platform's bid table directly, with the provider's own client, not through the platform.</summary>
internal static class BidRushDatabase
{
    /// <summary>"SQLite 3.x" or "PostgreSQL 15.x, fsync=on, synchronous_commit=on".</summary>
    public static async Task<string> VersionAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        await using var connection = await OpenAsync(provider, connectionString, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT 'SQLite ' || sqlite_version()"
            : "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<IReadOnlyList<StoredBid>> BidsOfLotAsync(DatabaseProvider provider, string connectionString, Guid lotId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(provider, connectionString, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, credit_code, digest, size, status FROM trading_bids WHERE lot_id = @lot";
        var lot = command.CreateParameter();
        lot.ParameterName = "@lot";
        lot.Value = provider == DatabaseProvider.Postgres ? lotId : lotId.ToString().ToUpperInvariant();
        command.Parameters.Add(lot);
        var bids = new List<StoredBid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            bids.Add(new StoredBid(reader.GetGuid(0), reader.GetString(1).Trim(), reader.GetString(2).Trim(), reader.GetInt64(3), reader.GetInt32(4)));
        }

        return bids;
    }

    private static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }
}
