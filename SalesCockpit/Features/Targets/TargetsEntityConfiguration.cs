using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Targets;

internal sealed class RepTargetConfiguration : IEntityTypeConfiguration<RepTarget>
{
    public void Configure(EntityTypeBuilder<RepTarget> builder)
    {
        builder.ToTable("rep_targets");
        builder.Property(target => target.RepId).HasMaxLength(64);
        builder.Property(target => target.SetById).HasMaxLength(64);
        builder.Property(target => target.Version).IsConcurrencyToken();
        builder.Ignore(target => target.Values);
        builder.HasOne<Team>().WithMany().HasForeignKey(target => target.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(target => target.RepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(target => new { target.TeamId, target.PeriodKind, target.PeriodStart, target.RepId, target.Kind }).IsUnique();
        builder.HasIndex(target => new { target.RepId, target.PeriodKind, target.PeriodStart });
    }
}

internal sealed class TeamTargetSettingsConfiguration : IEntityTypeConfiguration<TeamTargetSettings>
{
    public void Configure(EntityTypeBuilder<TeamTargetSettings> builder)
    {
        builder.ToTable("team_target_settings");
        builder.HasKey(settings => settings.TeamId);
        builder.Property(settings => settings.TeamId).ValueGeneratedNever();
        builder.Property(settings => settings.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(settings => settings.Measures);
        builder.HasOne<Team>().WithOne().HasForeignKey<TeamTargetSettings>(settings => settings.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
