using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

/// <summary>One <c>dotnet publish</c> for the tests that run the app as an operator installs it.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedAppSuite : ICollectionFixture<PublishedApp>
{
    public const string Name = "published app";
}
