using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ggzy.Platform.Ledger;

/// <summary>
/// Reads the Ledger table with plain ADO.NET over the context's connection: one statement, one consistent snapshot on
/// both providers, rows streamed in sequence order without change tracking. Names come from the EF model.
/// </summary>
internal sealed class LedgerVerifierSource
{
    private readonly DbContext _db;
    private readonly string _table;
    private readonly string _sequence;
    private readonly string _hash;
    private readonly string _columns;
    private readonly ValueConverter? _timeConverter;

    public LedgerVerifierSource(DbContext db)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(LedgerEntry))
            ?? throw new InvalidOperationException("此数据库上下文未映射账本表。");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        _sequence = Column(nameof(LedgerEntry.Sequence));
        _hash = Column(nameof(LedgerEntry.Hash));
        _columns = string.Join(", ", new[]
        {
            nameof(LedgerEntry.Sequence), nameof(LedgerEntry.RecordedAt), nameof(LedgerEntry.Actor),
            nameof(LedgerEntry.Role), nameof(LedgerEntry.Organization), nameof(LedgerEntry.ClientIp),
            nameof(LedgerEntry.Type), nameof(LedgerEntry.Subject), nameof(LedgerEntry.Payload),
            nameof(LedgerEntry.PreviousHash), nameof(LedgerEntry.Hash),
        }.Select(Column));
        var recordedAt = entity.FindProperty(nameof(LedgerEntry.RecordedAt))!;
        _timeConverter = recordedAt.GetValueConverter() ?? recordedAt.GetTypeMapping().Converter;
    }

    public async Task<long> LastSequenceAsync(CancellationToken ct)
    {
        await using var command = CreateCommand($"SELECT MAX({_sequence}) FROM {_table}");
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The sequence number of the entry stored with this hash, if any.</summary>
    public async Task<long?> FindSequenceAsync(string hash, CancellationToken ct)
    {
        await using var command = CreateCommand($"SELECT {_sequence} FROM {_table} WHERE {_hash} = @hash ORDER BY {_sequence} LIMIT 1");
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@hash";
        parameter.Value = hash;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Every entry in sequence order; no timeout, as a large Ledger streams for minutes.</summary>
    public DbCommand CreateReadAllCommand()
    {
        var command = CreateCommand($"SELECT {_columns} FROM {_table} ORDER BY {_sequence}");
        command.CommandTimeout = 0;
        return command;
    }

    public LedgerEntry Read(DbDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        RecordedAt = _timeConverter is null
            ? reader.GetFieldValue<DateTimeOffset>(1)
            : (DateTimeOffset)_timeConverter.ConvertFromProvider(reader.GetValue(1))!,
        Actor = reader.GetString(2),
        Role = reader.GetString(3),
        Organization = reader.GetString(4),
        ClientIp = reader.GetString(5),
        Type = reader.GetString(6),
        Subject = reader.GetString(7),
        Payload = reader.GetString(8),
        PreviousHash = reader.GetString(9),
        Hash = reader.GetString(10),
    };

    private DbCommand CreateCommand(string text)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
