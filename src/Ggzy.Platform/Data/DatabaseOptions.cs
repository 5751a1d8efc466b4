using System.ComponentModel.DataAnnotations;

namespace Ggzy.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section; the connection string is <c>ConnectionStrings:Ggzy</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded database and the blob store live when no connection string is given.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply migrations at start-up. On by default for embedded SQLite; production PostgreSQL runs <c>ggzy db migrate</c>.</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
