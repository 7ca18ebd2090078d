using SalesCockpit.Features.Customers;

namespace SalesCockpit.Tests.Features.Customers;

public sealed class CompanyNameCoreTests
{
    [Theory]
    [InlineData("苏州瑞丰融资租赁", "瑞丰融资租赁")]
    [InlineData("瑞丰融资租赁（苏州）有限公司", "瑞丰融资租赁")]
    [InlineData("瑞丰融资租赁(苏州市)有限责任公司", "瑞丰融资租赁")]
    [InlineData("苏州市瑞丰融资租赁股份有限公司", "瑞丰融资租赁")]
    [InlineData("江苏苏州瑞丰融资租赁集团", "瑞丰融资租赁")]
    [InlineData("瑞丰融资租赁苏州分公司", "瑞丰融资租赁")]
    [InlineData("苏州瑞丰", "瑞丰")]
    [InlineData("  苏州 瑞丰 融资租赁 ", "瑞丰融资租赁")]
    [InlineData("ＲＵＩＦＥＮＧ Leasing (Suzhou) Co., Ltd.", "ruifengleasingsuzhou")]
    [InlineData("恒瑞机械（华东研发中心）", "恒瑞机械华东研发中心")]
    public void TheCoreLeavesOutRegionsLegalFormsWidthCaseAndSpacing(string name, string core) =>
        Assert.Equal(core, CompanyNameCore.Of(name));

    [Theory]
    [InlineData("上海")]
    [InlineData("北京市")]
    public void ANameThatIsOnlyARegionKeepsIt(string name) =>
        Assert.Equal(CustomerNames.Normalize(name), CompanyNameCore.Of(name));

    [Fact]
    public void OneNameContainingTheOthersCoreIsNear()
    {
        Assert.True(CompanyNameCore.IsNear(CompanyNameCore.Of("苏州瑞丰"), CompanyNameCore.Of("瑞丰融资租赁（苏州）有限公司")));
        Assert.True(CompanyNameCore.IsNear(CompanyNameCore.Of("苏州瑞丰融资租赁"), CompanyNameCore.Of("瑞丰融资租赁（苏州）有限公司")));
        Assert.False(CompanyNameCore.IsNear(CompanyNameCore.Of("苏州瑞丰"), CompanyNameCore.Of("恒瑞机械")));
        Assert.False(CompanyNameCore.IsNear("瑞", "瑞丰"));
    }

    [Fact]
    public void ThePartsOfACoreAreItsSubstringsOfAtLeastTwoCharacters()
    {
        var parts = CompanyNameCore.Parts("瑞丰租赁");

        Assert.NotEmpty(parts);
        Assert.Equal(["瑞丰", "丰租", "租赁", "瑞丰租", "丰租赁", "瑞丰租赁"], parts.OrderBy(part => part.Length).ThenBy(part => "瑞丰租赁".IndexOf(part, StringComparison.Ordinal)));
    }
}
