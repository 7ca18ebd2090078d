using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.Property(customer => customer.Name).HasMaxLength(CustomerRules.NameMaxLength);
        // NormalizedName, NameCore and NormalizedPhone are derived by the app (NFKC can lengthen a name): unbounded text.
        builder.Property(customer => customer.Phone).HasMaxLength(CustomerRules.PhoneMaxLength);
        builder.Property(customer => customer.Region).HasMaxLength(CustomerRules.ShortTextMaxLength);
        builder.Property(customer => customer.Notes).HasMaxLength(CustomerRules.NotesMaxLength);
        builder.Property(customer => customer.OwnerId).HasMaxLength(64);
        builder.Property(customer => customer.CreatedById).HasMaxLength(64);
        builder.Property(customer => customer.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(customer => customer.MetCriteria);
        builder.HasOne<Team>().WithMany().HasForeignKey(customer => customer.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(customer => customer.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(customer => customer.ReferredById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(customer => customer.Contacts).WithOne().HasForeignKey(contact => contact.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // Lists: mine / pool / team, flow-back order; duplicates; the flow-back job; my day.
        builder.HasIndex(customer => new { customer.TeamId, customer.OwnerId, customer.FlowBackOn });
        builder.HasIndex(customer => new { customer.TeamId, customer.NormalizedName }).IsUnique();
        builder.HasIndex(customer => new { customer.TeamId, customer.NormalizedPhone });
        builder.HasIndex(customer => new { customer.TeamId, customer.NameCore });
        builder.HasIndex(customer => new { customer.TeamId, customer.FlowBackOn });
        builder.HasIndex(customer => new { customer.TeamId, customer.Name });
        builder.HasIndex(customer => new { customer.OwnerId, customer.NextFollowUpOn });
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("customer_contacts");
        builder.Property(contact => contact.Name).HasMaxLength(CustomerRules.ShortTextMaxLength);
        builder.Property(contact => contact.Title).HasMaxLength(CustomerRules.ShortTextMaxLength);
        builder.Property(contact => contact.Phone).HasMaxLength(CustomerRules.PhoneMaxLength);
        builder.Property(contact => contact.WeChatOrEmail).HasMaxLength(CustomerRules.ShortTextMaxLength);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("follow_ups");
        builder.Property(followUp => followUp.AuthorId).HasMaxLength(64);
        builder.Property(followUp => followUp.Content).HasMaxLength(CustomerRules.FollowUpContentMaxLength);
        builder.Property(followUp => followUp.Outcome).HasMaxLength(CustomerRules.LongLineMaxLength);
        builder.Property(followUp => followUp.NextStep).HasMaxLength(CustomerRules.LongLineMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(followUp => followUp.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(followUp => followUp.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(followUp => new { followUp.CustomerId, followUp.OccurredAt });
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("opportunities");
        builder.Property(opportunity => opportunity.Title).HasMaxLength(CustomerRules.ShortTextMaxLength);
        builder.Property(opportunity => opportunity.Version).IsConcurrencyToken();
        builder.Ignore(opportunity => opportunity.IsOpen);
        builder.HasOne<Customer>().WithMany().HasForeignKey(opportunity => opportunity.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(opportunity => new { opportunity.TeamId, opportunity.Stage, opportunity.StageChangedAt });
        builder.HasIndex(opportunity => opportunity.CustomerId);
    }
}

internal sealed class CustomerEventConfiguration : IEntityTypeConfiguration<CustomerEvent>
{
    public void Configure(EntityTypeBuilder<CustomerEvent> builder)
    {
        builder.ToTable("customer_events");
        builder.Property(customerEvent => customerEvent.ActorId).HasMaxLength(64);
        builder.Property(customerEvent => customerEvent.FromOwnerId).HasMaxLength(64);
        builder.Property(customerEvent => customerEvent.ToOwnerId).HasMaxLength(64);
        builder.Property(customerEvent => customerEvent.CreditedRepId).HasMaxLength(64);
        builder.Property(customerEvent => customerEvent.Reason).HasMaxLength(CustomerRules.LongLineMaxLength);
        // Detail is composed by the app (an opportunity's title with its stage change, a judgment's next action): unbounded text.
        builder.HasOne<Customer>().WithMany().HasForeignKey(customerEvent => customerEvent.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(customerEvent => new { customerEvent.CustomerId, customerEvent.OccurredAt });
        // Daily claim limit and reclaim cool-down look up one rep's recent moves.
        builder.HasIndex(customerEvent => new { customerEvent.ActorId, customerEvent.Kind, customerEvent.OccurredAt });
        builder.HasIndex(customerEvent => new { customerEvent.FromOwnerId, customerEvent.CustomerId, customerEvent.OccurredAt });
    }
}

internal sealed class CustomerPoolSettingsConfiguration : IEntityTypeConfiguration<CustomerPoolSettings>
{
    public void Configure(EntityTypeBuilder<CustomerPoolSettings> builder)
    {
        builder.ToTable("customer_pool_settings");
        builder.HasKey(settings => settings.TeamId);
        builder.Property(settings => settings.TeamId).ValueGeneratedNever();
        builder.Property(settings => settings.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(settings => settings.PersonaIndustries);
        builder.PrimitiveCollection(settings => settings.PersonaSizeBands);
        builder.PrimitiveCollection(settings => settings.PersonaStages);
        builder.PrimitiveCollection(settings => settings.ValidLeadCriteria);
        builder.HasOne<Team>().WithOne().HasForeignKey<CustomerPoolSettings>(settings => settings.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
