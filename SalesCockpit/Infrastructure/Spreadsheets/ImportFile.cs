using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace SalesCockpit.Infrastructure.Spreadsheets;

/// <summary>A file that cannot be read at all, with the reason for the user: a resource key of <see cref="SpreadsheetText"/>, or of the importing feature (Import_Empty, a missing column).</summary>
public sealed class ImportFileException(string reasonKey, params object[] arguments) : Exception(reasonKey)
{
    public string ReasonKey { get; } = reasonKey;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}

public enum ImportFormat
{
    Csv,
    Workbook,
}

/// <summary>One line of the file as text cells; <see cref="Line"/> is the line (CSV) or row (sheet) people see.</summary>
public readonly record struct ImportRecord(int Line, string?[] Cells);

/// <summary>
/// An uploaded list (customers, people), CSV or .xlsx, told apart by its content. CSV is strict UTF-8 (BOM or not), UTF-16 with a
/// BOM (Excel's "Unicode text"), or else GB18030, which covers GBK; bytes that are none of these are refused, never
/// replaced by U+FFFD. The stream must be seekable: it is read once to check the encoding, then again for the records.
/// </summary>
public sealed class ImportFile
{
    public const long MaxBytes = 50L * 1024 * 1024;
    private const int GB18030CodePage = 54936;

    private static readonly OpenXmlConfiguration WorkbookConfiguration = new() { FillMergedCells = true, EnableSharedStringCache = false };

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Stream content;
    private readonly string name;
    private readonly Encoding? encoding;
    private readonly int preambleBytes;

    private ImportFile(Stream content, string name, ImportFormat format, Encoding? encoding, int preambleBytes, IReadOnlyList<string> sheets, string? sheet)
    {
        this.content = content;
        this.name = name;
        this.encoding = encoding;
        this.preambleBytes = preambleBytes;
        Format = format;
        Sheets = sheets;
        Sheet = sheet;
    }

    public ImportFormat Format { get; }

    /// <summary>The encoding a CSV file was read in, as people know it ("UTF-8", "GB18030").</summary>
    public string? EncodingName => encoding switch
    {
        null => null,
        UTF8Encoding => "UTF-8",
        UnicodeEncoding => "UTF-16",
        _ => "GB18030",
    };

    public IReadOnlyList<string> Sheets { get; }

    public string? Sheet { get; }

    /// <summary>How far through the file reading is, 0 to 1.</summary>
    public double Fraction => content.Length == 0 ? 1 : Math.Clamp((double)content.Position / content.Length, 0, 1);

    public static ImportFile Open(Stream content, string? fileName = null, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The import needs a seekable stream.", nameof(content));
        }

        if (content.Length > MaxBytes)
        {
            throw new ImportFileException("Import_TooLarge", MaxBytes / 1024 / 1024);
        }

        var name = Path.GetFileName(fileName ?? "");
        Span<byte> start = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        start = start[..read];
        content.Position = 0;
        if (read == 0)
        {
            throw new ImportFileException("Import_Empty");
        }

        if (start.StartsWith("PK\u0003\u0004"u8))
        {
            return OpenWorkbook(content, name, sheet);
        }

        if (start.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new ImportFileException("Import_OldExcel", name);
        }

        if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportFileException("Import_NotWorkbook", name);
        }

        var (encoding, preamble) = DetectEncoding(content, start, name);
        return new ImportFile(content, name, ImportFormat.Csv, encoding, preamble, [], null);
    }

    public IEnumerable<ImportRecord> Records(CancellationToken cancellationToken = default) =>
        Format == ImportFormat.Csv ? CsvRecords(cancellationToken) : WorkbookRecords(cancellationToken);

    private IEnumerable<ImportRecord> CsvRecords(CancellationToken cancellationToken)
    {
        content.Position = preambleBytes;
        using var text = new StreamReader(content, encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var options = CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true, PoolStrings = true };
        using var reader = CsvReader.Create(text, options, leaveOpen: true);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            yield return new ImportRecord((int)reader.LineNumber, cells);
        }
    }

    // MiniExcel reads lazily: a broken workbook can fail on any row, and every such failure means the same to the user.
    private IEnumerable<ImportRecord> WorkbookRecords(CancellationToken cancellationToken)
    {
        content.Position = 0;
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(content, useHeaderRow: false, sheetName: Sheet, excelType: ExcelType.XLSX, configuration: WorkbookConfiguration)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new ImportFileException("Import_NotWorkbook", name);
        }

        using (rows)
        {
            var line = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool more;
                try
                {
                    more = rows.MoveNext();
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    throw new ImportFileException("Import_NotWorkbook", name);
                }

                if (!more)
                {
                    yield break;
                }

                line++;
                yield return new ImportRecord(line, [.. rows.Current.Values.Select(CellText)]);
            }
        }
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string text => text,
        // A phone typed into Excel is a number: 13912345678, not 1.3912345678E+10.
        double number when Math.Abs(number) < 1e15 && number == Math.Floor(number) => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime time => time.TimeOfDay == TimeSpan.Zero ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ImportFile OpenWorkbook(Stream content, string name, string? sheet)
    {
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(content);
        }
        catch (Exception failure) when (failure is InvalidDataException or InvalidOperationException or System.Xml.XmlException or KeyNotFoundException or NullReferenceException)
        {
            throw new ImportFileException("Import_NotWorkbook", name);
        }
        finally
        {
            content.Position = 0;
        }

        if (sheets.Count == 0)
        {
            throw new ImportFileException("Import_NotWorkbook", name);
        }

        return new ImportFile(content, name, ImportFormat.Workbook, null, 0, sheets, sheet is not null && sheets.Contains(sheet) ? sheet : sheets[0]);
    }

    private static (Encoding Encoding, int Preamble) DetectEncoding(Stream content, ReadOnlySpan<byte> start, string name)
    {
        if (start.StartsWith(new byte[] { 0xFF, 0xFE }) || start.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            var utf16 = new UnicodeEncoding(bigEndian: start[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true);
            return Decodes(content, 2, utf16) ? (utf16, 2) : throw new ImportFileException("Import_BadEncoding", name);
        }

        var preamble = start.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        if (HasNul(content))
        {
            throw new ImportFileException("Import_NotText", name);
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        if (Decodes(content, preamble, utf8))
        {
            return (utf8, preamble);
        }

        var gb18030 = Encoding.GetEncoding(GB18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return preamble == 0 && Decodes(content, 0, gb18030) ? (gb18030, 0) : throw new ImportFileException("Import_BadEncoding", name);
    }

    private static bool HasNul(Stream content)
    {
        var buffer = new byte[64 * 1024];
        content.Position = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, read).Contains((byte)0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Decodes(Stream content, int from, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length) + 2];
        content.Position = from;
        try
        {
            int read;
            while ((read = content.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
