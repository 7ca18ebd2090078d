using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.RideAlongs;

internal sealed class RideAlongConfiguration : IEntityTypeConfiguration<RideAlong>
{
    public void Configure(EntityTypeBuilder<RideAlong> builder)
    {
        builder.ToTable("ride_alongs");
        builder.Property(rideAlong => rideAlong.ManagerId).HasMaxLength(64);
        builder.Property(rideAlong => rideAlong.RepId).HasMaxLength(64);
        builder.Property(rideAlong => rideAlong.RepAccount).HasMaxLength(RideAlongRules.LongTextMaxLength);
        builder.Property(rideAlong => rideAlong.Feedback).HasMaxLength(RideAlongRules.LongTextMaxLength);
        builder.Property(rideAlong => rideAlong.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(rideAlong => rideAlong.FocusSkillIds);
        builder.HasOne<Team>().WithMany().HasForeignKey(rideAlong => rideAlong.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(rideAlong => rideAlong.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(rideAlong => rideAlong.RepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(rideAlong => rideAlong.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(rideAlong => new { rideAlong.TeamId, rideAlong.Day });
        builder.HasIndex(rideAlong => new { rideAlong.RepId, rideAlong.Day });
        // "I will join" twice on the same planned visit finds the ride-along it already made.
        builder.HasIndex(rideAlong => rideAlong.PlannedVisitId).IsUnique();
    }
}

internal sealed class RideAlongNoteConfiguration : IEntityTypeConfiguration<RideAlongNote>
{
    public void Configure(EntityTypeBuilder<RideAlongNote> builder)
    {
        builder.ToTable("ride_along_notes");
        builder.Property(note => note.Id).ValueGeneratedNever();
        builder.Property(note => note.AuthorId).HasMaxLength(64);
        builder.Property(note => note.Text).HasMaxLength(RideAlongRules.NoteMaxLength);
        builder.HasOne<RideAlong>().WithMany().HasForeignKey(note => note.RideAlongId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(note => new { note.RideAlongId, note.TakenAt });
    }
}

internal sealed class SkillScoreConfiguration : IEntityTypeConfiguration<SkillScore>
{
    public void Configure(EntityTypeBuilder<SkillScore> builder)
    {
        builder.ToTable("ride_along_scores");
        builder.HasKey(score => new { score.RideAlongId, score.SkillId });
        builder.HasOne<RideAlong>().WithMany().HasForeignKey(score => score.RideAlongId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CoachingSkill>().WithMany().HasForeignKey(score => score.SkillId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(score => score.SkillId);
    }
}

internal sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> builder)
    {
        builder.ToTable("ride_along_actions");
        builder.Property(action => action.Id).ValueGeneratedNever();
        builder.Property(action => action.Text).HasMaxLength(RideAlongRules.ActionMaxLength);
        builder.Property(action => action.OwnerId).HasMaxLength(64);
        builder.HasOne<RideAlong>().WithMany().HasForeignKey(action => action.RideAlongId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(action => action.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(action => new { action.OwnerId, action.DoneAt, action.DueOn });
    }
}
