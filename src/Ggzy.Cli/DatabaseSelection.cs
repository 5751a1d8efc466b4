using System.CommandLine;
using Ggzy.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Ggzy.Cli;

/// <summary>
/// The options every command shares, and how they choose the database: the host's own configuration
/// (appsettings.json and environment variables, read from the working directory) unless <c>--data-dir</c> or
/// <c>--connection-string</c> says otherwise.
/// </summary>
internal sealed class DatabaseSelection
{
    public Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = "SQLite 数据目录，使用其中的 ggzy.db（代替配置）",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "数据库连接字符串（代替配置 ConnectionStrings__Ggzy），与 --provider 一起使用",
        HelpName = "CS",
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new Option<string?>("--provider")
    {
        Description = "数据库类型（默认取配置 Database__Provider）",
        Recursive = true,
    }.AcceptOnlyFromAmong("sqlite", "postgres");

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "以 JSON 输出结果，供脚本使用",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(DataDirectory);
        root.Options.Add(ConnectionString);
        root.Options.Add(Provider);
        root.Options.Add(Json);
    }

    /// <summary>The database the parsed options and the configuration name; <paramref name="mustExist"/> is for reading
    /// commands, to which a missing SQLite file is an error instead of a new empty database.</summary>
    public CliDatabase Open(ParseResult result, CliConsole console, bool mustExist)
    {
        var configuration = CliConfiguration.Build(console.WorkingDirectory);
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = result.GetValue(DataDirectory);
        var connectionString = result.GetValue(ConnectionString);
        var provider = result.GetValue(Provider) switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            _ => (DatabaseProvider?)null,
        };

        if (dataDirectory is not null)
        {
            if (connectionString is not null)
            {
                throw new CliException("--data-dir 与 --connection-string 只能选用一个。");
            }

            if (provider == DatabaseProvider.Postgres)
            {
                throw new CliException("--data-dir 只用于 SQLite，PostgreSQL 请用 --connection-string。");
            }

            options.Provider = DatabaseProvider.Sqlite;
            options.DataDirectory = dataDirectory;
        }
        else
        {
            options.Provider = provider ?? options.Provider;
            connectionString ??= configuration.GetConnectionString("Ggzy");
        }

        options.DataDirectory = Path.GetFullPath(options.DataDirectory, console.WorkingDirectory);
        var resolved = options.Provider == DatabaseProvider.Sqlite
            ? Sqlite(connectionString, options.DataDirectory, console.WorkingDirectory, mustExist)
            : Postgres(connectionString);
        return CliDatabase.Create(configuration, options, resolved);
    }

    private static string Sqlite(string? connectionString, string dataDirectory, string workingDirectory, bool mustExist)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={Path.Combine(dataDirectory, "ggzy.db")}"
            : connectionString)
        {
            // One short-lived process: a pool would only keep the file open after the command is done.
            Pooling = false,
        };
        if (builder.DefaultTimeout < 60)
        {
            builder.DefaultTimeout = 60;
        }

        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:"))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, workingDirectory);
            if (!File.Exists(builder.DataSource))
            {
                if (mustExist)
                {
                    throw new CliException($"找不到数据库文件：{builder.DataSource}（可用 --data-dir 指定数据目录）。");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
            }
        }

        return builder.ToString();
    }

    private static string Postgres(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new CliException("使用 PostgreSQL 时必须提供连接字符串：--connection-string 或环境变量 ConnectionStrings__Ggzy。")
            : connectionString;
}
