using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCockpit.Features.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.Property(team => team.Name).HasMaxLength(TeamRules.NameMaxLength);
        builder.HasIndex(team => team.Name).IsUnique();
        builder.Property(team => team.TimeZoneId).HasMaxLength(64);
        builder.Property(team => team.CurrencyCode).HasMaxLength(3).HasDefaultValue(TeamMoney.DefaultCurrency);
        builder.Property(team => team.Version).IsConcurrencyToken();
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.ToTable("team_memberships");
        builder.HasKey(membership => new { membership.TeamId, membership.UserId });
        builder.HasOne(membership => membership.Team).WithMany(team => team.Memberships).HasForeignKey(membership => membership.TeamId);
        builder.HasOne(membership => membership.User).WithMany(user => user.Memberships).HasForeignKey(membership => membership.UserId);
        builder.HasIndex(membership => membership.UserId);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(TeamRules.PersonNameMaxLength);
        builder.Property(user => user.Email).HasMaxLength(TeamRules.EmailMaxLength);
        builder.Property(user => user.NormalizedEmail).HasMaxLength(TeamRules.EmailMaxLength);
        builder.Property(user => user.UserName).HasMaxLength(TeamRules.EmailMaxLength);
        builder.Property(user => user.NormalizedUserName).HasMaxLength(TeamRules.EmailMaxLength);
    }
}
