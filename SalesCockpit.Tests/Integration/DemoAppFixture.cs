using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

/// <summary>One running app with the demo organisation, shared by the integration tests that only read.</summary>
public sealed class DemoAppFixture : IDisposable
{
    public AppHost App { get; } = new();

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DemoAppSuite : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "demo app";
}
