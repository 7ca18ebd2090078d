using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Coaching;

internal sealed class CoachingSkillConfiguration : IEntityTypeConfiguration<CoachingSkill>
{
    public void Configure(EntityTypeBuilder<CoachingSkill> builder)
    {
        builder.ToTable("coaching_skills");
        builder.Property(skill => skill.NameEn).HasMaxLength(SkillRules.NameMaxLength);
        builder.Property(skill => skill.NameZh).HasMaxLength(SkillRules.NameMaxLength);
        builder.Property(skill => skill.Version).IsConcurrencyToken();
        builder.HasOne<Team>().WithMany().HasForeignKey(skill => skill.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(skill => new { skill.TeamId, skill.SortOrder });
    }
}

internal sealed class LadderPositionConfiguration : IEntityTypeConfiguration<LadderPosition>
{
    public void Configure(EntityTypeBuilder<LadderPosition> builder)
    {
        builder.ToTable("ladder_positions");
        builder.HasKey(position => new { position.RepId, position.SkillId });
        builder.Property(position => position.RepId).HasMaxLength(64);
        builder.Property(position => position.MovedById).HasMaxLength(64);
        builder.Property(position => position.Version).IsConcurrencyToken();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(position => position.RepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CoachingSkill>().WithMany().HasForeignKey(position => position.SkillId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(position => position.TeamId);
    }
}
