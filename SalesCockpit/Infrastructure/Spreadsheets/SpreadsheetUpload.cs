using Microsoft.AspNetCore.Components.Forms;

namespace SalesCockpit.Infrastructure.Spreadsheets;

/// <summary>A browser's upload for an import, kept in a temporary file while it is previewed and imported (never in memory whole); disposing deletes it.</summary>
public sealed class SpreadsheetUpload : IDisposable
{
    private readonly string path;

    private SpreadsheetUpload(string path) => this.path = path;

    /// <summary>Copies the upload to a temporary file, telling the share copied so far; a failed or cancelled copy leaves no file behind.</summary>
    public static async Task<SpreadsheetUpload> SaveAsync(IBrowserFile file, Action<double>? copied = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.GetTempFileName();
        try
        {
            await using var target = File.Create(path);
            await using var source = file.OpenReadStream(ImportFile.MaxBytes, cancellationToken);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied?.Invoke(file.Size == 0 ? 1 : (double)target.Length / file.Size);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new SpreadsheetUpload(path);
    }

    /// <summary>A seekable stream over the upload, as <see cref="ImportFile.Open"/> needs.</summary>
    public FileStream OpenRead() => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);

    public void Dispose() => File.Delete(path);
}
