using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.TeamBoard;

internal sealed class DisplayLinkConfiguration : IEntityTypeConfiguration<DisplayLink>
{
    public void Configure(EntityTypeBuilder<DisplayLink> builder)
    {
        builder.ToTable("display_links");
        builder.Property(link => link.Label).HasMaxLength(DisplayLinks.LabelMaxLength);
        builder.Property(link => link.TokenHash).HasMaxLength(64);
        builder.HasIndex(link => link.TokenHash).IsUnique();
        builder.HasIndex(link => link.TeamId);
        builder.Property(link => link.CreatedById).HasMaxLength(450);
        builder.Property(link => link.RevokedById).HasMaxLength(450);
        builder.HasOne<Team>().WithMany().HasForeignKey(link => link.TeamId);
    }
}
