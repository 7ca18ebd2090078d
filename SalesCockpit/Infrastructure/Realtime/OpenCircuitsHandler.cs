using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>Keeps <see cref="RealtimeMetrics"/>' open-circuit count: one per interactive browser tab.</summary>
internal sealed class OpenCircuitsHandler(RealtimeMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
