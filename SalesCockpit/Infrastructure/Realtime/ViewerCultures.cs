using System.Globalization;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>
/// A circuit's cultures, captured while it renders, to set again for work that reaches it on another thread (a team
/// event, Redis's connection events), which carries the publisher's cultures or none.
/// </summary>
internal readonly record struct ViewerCultures(CultureInfo Culture, CultureInfo UICulture)
{
    public static ViewerCultures Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UICulture;
    }
}
