using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// What an <see cref="CustomerEventKind.OpportunityStageChanged"/> event stores in its detail: the title and both stages as
/// data (JSON), so each viewer reads the stages in their own language. Events written before this were a sentence in
/// English ("Title: Discovery → Proposal"); they are still read.
/// </summary>
public sealed partial record OpportunityStageChange(string Title, OpportunityStage From, OpportunityStage To)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToDetail() => JsonSerializer.Serialize(this, Json);

    public static OpportunityStageChange? FromDetail(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return null;
        }

        if (detail.StartsWith('{'))
        {
            try
            {
                return JsonSerializer.Deserialize<OpportunityStageChange>(detail, Json);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var sentence = EnglishSentence().Match(detail);
        return sentence.Success
            && Enum.TryParse<OpportunityStage>(sentence.Groups["from"].Value, out var from)
            && Enum.TryParse<OpportunityStage>(sentence.Groups["to"].Value, out var to)
            ? new OpportunityStageChange(sentence.Groups["title"].Value, from, to)
            : null;
    }

    [GeneratedRegex(@"^(?<title>.*): (?<from>[A-Za-z]+) → (?<to>[A-Za-z]+)$", RegexOptions.Singleline)]
    private static partial Regex EnglishSentence();
}
