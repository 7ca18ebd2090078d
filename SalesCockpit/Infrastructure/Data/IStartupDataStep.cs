namespace SalesCockpit.Infrastructure.Data;

/// <summary>
/// Data every database needs, demo or not (a feature's fixed rows). Runs at each start and before each maintenance
/// command, after the migrations and under the start lock, so concurrent servers never insert it twice.
/// </summary>
public interface IStartupDataStep
{
    Task EnsureAsync(CancellationToken cancellationToken);
}
