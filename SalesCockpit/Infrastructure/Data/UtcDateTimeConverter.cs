using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesCockpit.Infrastructure.Data;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
