using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Conventions;

public static class EnumColumns
{
    /// <summary>Maps an enum property to a text column holding its snake_case name, checked by the database.</summary>
    public static void HasSnakeCaseEnum<TEntity, TEnum>(
        this EntityTypeBuilder<TEntity> entity, System.Linq.Expressions.Expression<Func<TEntity, TEnum>> property, string column)
        where TEntity : class
        where TEnum : struct, Enum
    {
        entity.Property(property).HasConversion(new SnakeCaseEnumConverter<TEnum>()).HasColumnName(column);
        var allowed = string.Join(", ", SnakeCaseEnumConverter<TEnum>.Names.Select(n => $"'{n}'"));
        entity.ToTable(t => t.HasCheckConstraint($"ck_{entity.Metadata.GetTableName()}_{column}", $"{column} IN ({allowed})"));
    }
}
