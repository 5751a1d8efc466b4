using Ggzy.Platform.Alerts;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Rules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Platform.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.ToTable("platform_organizations");
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(o => o.RegionCode).HasMaxLength(6).IsFixedLength();
        e.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(o => o.Sector).HasMaxLength(50);
        e.HasIndex(o => o.CreditCode).IsUnique();
        e.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.ToTable("platform_api_tokens");
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.Prefix).HasMaxLength(16);
        e.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength();
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.HasOne<PlatformUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> e)
    {
        e.ToTable("platform_calendar_years");
        e.HasKey(y => y.Year);
        e.Property(y => y.Year).ValueGeneratedNever();
        e.Property(y => y.Notice).HasMaxLength(300);
        e.Property(y => y.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(y => y.UpdatedBy).HasMaxLength(128);
        e.HasMany(y => y.Periods).WithOne().HasForeignKey(p => p.Year).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(y => y.Workdays).WithOne().HasForeignKey(w => w.Year).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarPeriodConfiguration : IEntityTypeConfiguration<CalendarPeriod>
{
    public void Configure(EntityTypeBuilder<CalendarPeriod> e)
    {
        e.ToTable("platform_calendar_periods");
        e.Property(p => p.Name).HasMaxLength(50);
    }
}

internal sealed class CalendarWorkdayConfiguration : IEntityTypeConfiguration<CalendarWorkday>
{
    public void Configure(EntityTypeBuilder<CalendarWorkday> e)
    {
        e.ToTable("platform_calendar_workdays");
        e.HasKey(w => w.Date);
    }
}

internal sealed class RuleOverrideConfiguration : IEntityTypeConfiguration<RuleOverride>
{
    public void Configure(EntityTypeBuilder<RuleOverride> e)
    {
        e.ToTable("platform_rule_overrides");
        e.Property(o => o.RuleKey).HasMaxLength(100);
        e.Property(o => o.RegionCode).HasMaxLength(6).IsFixedLength();
        e.Property(o => o.Value).HasPrecision(18, 4);
        e.Property(o => o.Basis).HasMaxLength(300);
        e.Property(o => o.CreatedBy).HasMaxLength(128);
        e.HasIndex(o => new { o.RuleKey, o.RegionCode });
    }
}

internal sealed class PlatformAlertConfiguration : IEntityTypeConfiguration<PlatformAlert>
{
    public void Configure(EntityTypeBuilder<PlatformAlert> e)
    {
        e.ToTable("platform_alerts");
        e.Property(a => a.Key).HasMaxLength(200);
        e.HasIndex(a => a.Key).IsUnique();
        e.Property(a => a.Kind).HasMaxLength(100);
        e.Property(a => a.Message).HasMaxLength(1000);
        e.Property(a => a.Audience).HasMaxLength(64);
        e.Property(a => a.AcknowledgedBy).HasMaxLength(128);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e) => e.ToTable("platform_data_protection_keys");
}
