namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>Whether events from other app servers are arriving. Always connected with the in-process bus.</summary>
public interface ICrossServerStatus
{
    bool IsScaledOut { get; }

    bool IsConnected { get; }

    event Action? Changed;
}

internal sealed class SingleServerStatus : ICrossServerStatus
{
    public bool IsScaledOut => false;

    public bool IsConnected => true;

    public event Action? Changed
    {
        add { }
        remove { }
    }
}
