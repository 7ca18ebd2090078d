namespace SalesCockpit.Infrastructure.Data;

/// <summary>
/// An entity edited by people: its <see cref="Version"/> is a concurrency token renewed on every save,
/// so a stale edit fails with <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> instead of overwriting.
/// Configure it with <c>builder.Property(x => x.Version).IsConcurrencyToken()</c>.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
