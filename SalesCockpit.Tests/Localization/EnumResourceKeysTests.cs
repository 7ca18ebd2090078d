using System.Xml.Linq;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Targets;

namespace SalesCockpit.Tests.Localization;

/// <summary>Keys the code builds from an enum value ("Event_" + kind): every value has its string in both languages.</summary>
public class EnumResourceKeysTests
{
    public static TheoryData<string, string, Type, string> BuiltKeys() => new()
    {
        { "Features/Customers/CustomersText", "Event_", typeof(CustomerEventKind), "" },
        { "Features/Customers/CustomersText", "FollowUpKind_", typeof(FollowUpKind), "" },
        { "Features/Customers/CustomersText", "Status_", typeof(CustomerStatus), "" },
        { "Features/Customers/CustomersText", "Level_", typeof(CustomerLevel), "" },
        { "Features/Customers/CustomersText", "Source_", typeof(CustomerSource), "" },
        { "Features/Customers/CustomersText", "Industry_", typeof(Industry), "" },
        { "Features/Customers/CustomersText", "Size_", typeof(SizeBand), "" },
        { "Features/Customers/CustomersText", "DevStage_", typeof(DevelopmentStage), "" },
        { "Features/Customers/CustomersText", "OppStage_", typeof(OpportunityStage), "" },
        { "Features/Customers/CustomersText", "Fit_", typeof(PersonaFit), "" },
        { "Features/Coaching/CoachingText", "Step_", typeof(LadderStep), "" },
        { "Features/Coaching/CoachingText", "Step_", typeof(LadderStep), "_Zh" },
        { "Features/Coaching/CoachingText", "Step_", typeof(LadderStep), "_Who" },
        { "Features/RideAlongs/RideAlongsText", "Tag_", typeof(NoteTag), "" },
        { "Features/RideAlongs/RideAlongsText", "Status_", typeof(RideAlongStatus), "" },
        { "Features/MorningPlans/MorningPlansText", "Kind_", typeof(PlannedVisitKind), "" },
        { "Features/Targets/TargetsText", "Measure_", typeof(TargetMeasure), "" },
    };

    [Theory]
    [MemberData(nameof(BuiltKeys))]
    public void EveryEnumValueHasItsStringInBothLanguages(string resource, string prefix, Type enumType, string suffix)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        var names = Enum.GetNames(enumType);
        Assert.NotEmpty(names);
        foreach (var file in new[] { resource + ".resx", resource + ".zh-CN.resx" })
        {
            var keys = XDocument.Load(Path.Combine(ResourceParityTests.AppSourceDirectory(), file)).Root!.Elements("data")
                .Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            var missing = names.Select(name => prefix + name + suffix).Where(key => !keys.Contains(key)).ToList();
            Assert.True(missing.Count == 0, $"{file} lacks {string.Join(", ", missing)}");
        }
    }
}
