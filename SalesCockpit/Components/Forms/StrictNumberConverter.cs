using System.Globalization;
using System.Text;
using MudBlazor;
using MudBlazor.Utilities.Exceptions;

namespace SalesCockpit.Components.Forms;

/// <summary>
/// Reads what a person typed as a number of <typeparamref name="T"/> (int, long or decimal, optionally nullable).
/// Full-width digits from a Chinese input method read as their ASCII digits; a fraction where a whole number
/// belongs, or a number the type cannot hold, is refused with a message instead of being rounded or clamped.
/// The message keys are MudBlazor's localizer keys (MudText resources).
/// </summary>
public sealed class StrictNumberConverter<T>(string? format, CultureInfo culture) : IReversibleConverter<T?, string?>
{
    private static readonly Type? NullableOf = Nullable.GetUnderlyingType(typeof(T));
    private static readonly Type NumberType = NullableOf ?? typeof(T);

    // Money beyond a trillion yuan is a typo here, and keeps cents within a long.
    private const decimal LargestAmount = 1_000_000_000_000m;

    public string? Convert(T? input) => input is IFormattable number ? number.ToString(format, culture) : null;

    public T? ConvertBack(string? input)
    {
        var text = input?.Normalize(NormalizationForm.FormKC).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return NullableOf is not null ? default : throw new ConversionException("Number_Required");
        }

        if (!decimal.TryParse(text, NumberStyles.Number, culture, out var number))
        {
            throw new ConversionException("Converter_InvalidNumber");
        }

        var (whole, largest) = NumberType == typeof(int) ? (true, int.MaxValue)
            : NumberType == typeof(long) ? (true, long.MaxValue)
            : (false, LargestAmount);
        if (Math.Abs(number) > largest)
        {
            throw new ConversionException("Number_TooLarge");
        }

        if (whole && number != decimal.Truncate(number))
        {
            throw new ConversionException("Number_NotWhole");
        }

        return (T)System.Convert.ChangeType(number, NumberType, CultureInfo.InvariantCulture);
    }
}
