using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.EveningReviews;

internal sealed class EveningReviewConfiguration : IEntityTypeConfiguration<EveningReview>
{
    public void Configure(EntityTypeBuilder<EveningReview> builder)
    {
        builder.ToTable("evening_reviews");
        builder.Property(review => review.RepId).HasMaxLength(64);
        builder.Property(review => review.Wins).HasMaxLength(ReviewRules.TextMaxLength);
        builder.Property(review => review.Problems).HasMaxLength(ReviewRules.TextMaxLength);
        builder.Property(review => review.Lesson).HasMaxLength(ReviewRules.TextMaxLength);
        builder.Property(review => review.HelpNeeded).HasMaxLength(ReviewRules.TextMaxLength);
        builder.Property(review => review.HighlightedById).HasMaxLength(64);
        builder.Property(review => review.HelpHandledById).HasMaxLength(64);
        builder.Property(review => review.Version).IsConcurrencyToken();
        builder.HasOne<Team>().WithMany().HasForeignKey(review => review.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(review => review.RepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(review => review.MissedReasons).WithOne().HasForeignKey(reason => reason.ReviewId).OnDelete(DeleteBehavior.Cascade);

        // One review per rep per day; the share-out board reads a team's day.
        builder.HasIndex(review => new { review.TeamId, review.RepId, review.Day }).IsUnique();
        builder.HasIndex(review => new { review.TeamId, review.Day });
    }
}

internal sealed class MissedVisitReasonConfiguration : IEntityTypeConfiguration<MissedVisitReason>
{
    public void Configure(EntityTypeBuilder<MissedVisitReason> builder)
    {
        builder.ToTable("evening_review_missed_reasons");
        builder.Property(reason => reason.Reason).HasMaxLength(ReviewRules.ShortTextMaxLength);
        builder.HasIndex(reason => new { reason.ReviewId, reason.PlannedVisitId }).IsUnique();
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("evening_review_comments");
        builder.Property(comment => comment.AuthorId).HasMaxLength(64);
        builder.Property(comment => comment.Text).HasMaxLength(ReviewRules.CommentMaxLength);
        builder.HasOne<EveningReview>().WithMany().HasForeignKey(comment => comment.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(comment => comment.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(comment => new { comment.ReviewId, comment.CreatedAt });
    }
}

internal sealed class ReviewReactionConfiguration : IEntityTypeConfiguration<ReviewReaction>
{
    public void Configure(EntityTypeBuilder<ReviewReaction> builder)
    {
        builder.ToTable("evening_review_reactions");
        builder.HasKey(reaction => new { reaction.ReviewId, reaction.UserId });
        builder.Property(reaction => reaction.UserId).HasMaxLength(64);
        builder.HasOne<EveningReview>().WithMany().HasForeignKey(reaction => reaction.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(reaction => reaction.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EveningReviewSettingsConfiguration : IEntityTypeConfiguration<EveningReviewSettings>
{
    public void Configure(EntityTypeBuilder<EveningReviewSettings> builder)
    {
        builder.ToTable("evening_review_settings");
        builder.HasKey(settings => settings.TeamId);
        builder.Property(settings => settings.TeamId).ValueGeneratedNever();
        builder.Property(settings => settings.Version).IsConcurrencyToken();
        builder.HasOne<Team>().WithOne().HasForeignKey<EveningReviewSettings>(settings => settings.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DealJudgmentConfiguration : IEntityTypeConfiguration<DealJudgment>
{
    public void Configure(EntityTypeBuilder<DealJudgment> builder)
    {
        builder.ToTable("deal_judgments");
        builder.Property(judgment => judgment.RepId).HasMaxLength(64);
        builder.Property(judgment => judgment.ManagerId).HasMaxLength(64);
        builder.Property(judgment => judgment.PurchasingSeasonNote).HasMaxLength(ReviewRules.ShortTextMaxLength);
        builder.Property(judgment => judgment.DecisionMakerNote).HasMaxLength(ReviewRules.ShortTextMaxLength);
        builder.Property(judgment => judgment.CanAffordNote).HasMaxLength(ReviewRules.ShortTextMaxLength);
        builder.Property(judgment => judgment.FeatureDoubtsNote).HasMaxLength(ReviewRules.ShortTextMaxLength);
        builder.Property(judgment => judgment.OtherCauses).HasMaxLength(ReviewRules.TextMaxLength);
        builder.Property(judgment => judgment.NextAction).HasMaxLength(ReviewRules.ShortTextMaxLength);
        builder.Property(judgment => judgment.Version).IsConcurrencyToken();
        builder.HasOne<Team>().WithMany().HasForeignKey(judgment => judgment.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(judgment => judgment.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(judgment => judgment.RepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(judgment => judgment.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(judgment => new { judgment.TeamId, judgment.OpportunityId });
        builder.HasIndex(judgment => new { judgment.TeamId, judgment.RepId, judgment.NextActionOn });
    }
}
