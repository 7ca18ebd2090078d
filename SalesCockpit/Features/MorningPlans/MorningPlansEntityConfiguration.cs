using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.MorningPlans;

internal sealed class MorningPlanConfiguration : IEntityTypeConfiguration<MorningPlan>
{
    public void Configure(EntityTypeBuilder<MorningPlan> builder)
    {
        builder.ToTable("morning_plans");
        builder.Property(plan => plan.RepId).HasMaxLength(64);
        builder.Property(plan => plan.Goals).HasMaxLength(PlanRules.GoalsMaxLength);
        builder.Property(plan => plan.Stretch).HasMaxLength(PlanRules.ShortTextMaxLength);
        builder.Property(plan => plan.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(plan => plan.HandledSuggestions);
        builder.HasOne<Team>().WithMany().HasForeignKey(plan => plan.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(plan => plan.RepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(plan => plan.Visits).WithOne().HasForeignKey(visit => visit.PlanId).OnDelete(DeleteBehavior.Cascade);

        // One plan per rep per day; the stand-up reads a team's day.
        builder.HasIndex(plan => new { plan.TeamId, plan.RepId, plan.Day }).IsUnique();
        builder.HasIndex(plan => new { plan.TeamId, plan.Day });
    }
}

internal sealed class PlannedVisitConfiguration : IEntityTypeConfiguration<PlannedVisit>
{
    public void Configure(EntityTypeBuilder<PlannedVisit> builder)
    {
        builder.ToTable("planned_visits");
        builder.Property(visit => visit.CustomerName).HasMaxLength(PlanRules.CustomerNameMaxLength);
        builder.Property(visit => visit.Purpose).HasMaxLength(PlanRules.ShortTextMaxLength);
        builder.Property(visit => visit.ExpectedResult).HasMaxLength(PlanRules.ShortTextMaxLength);
        builder.Property(visit => visit.SuggestionKey).HasMaxLength(100);
        builder.Property(visit => visit.RideAlongRequestedByUserId).HasMaxLength(64);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(visit => visit.RideAlongRequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(visit => new { visit.PlanId, visit.Position });
        builder.HasIndex(visit => visit.CustomerId);
    }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> builder)
    {
        builder.ToTable("plan_comments");
        builder.Property(comment => comment.AuthorId).HasMaxLength(64);
        builder.Property(comment => comment.Text).HasMaxLength(PlanRules.CommentMaxLength);
        builder.HasOne<MorningPlan>().WithMany().HasForeignKey(comment => comment.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(comment => comment.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(comment => new { comment.PlanId, comment.CreatedAt });
    }
}

internal sealed class MorningPlanSettingsConfiguration : IEntityTypeConfiguration<MorningPlanSettings>
{
    public void Configure(EntityTypeBuilder<MorningPlanSettings> builder)
    {
        builder.ToTable("morning_plan_settings");
        builder.HasKey(settings => settings.TeamId);
        builder.Property(settings => settings.TeamId).ValueGeneratedNever();
        builder.Property(settings => settings.Version).IsConcurrencyToken();
        builder.HasOne<Team>().WithOne().HasForeignKey<MorningPlanSettings>(settings => settings.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
