using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Protection;

/// <summary>
/// Carries the <see cref="FieldProtector"/> in the context options, where <c>OnModelCreating</c> finds it for the
/// value converters. The model is cached per protector (<see cref="ProtectionModelCacheKeyFactory"/>), so two apps
/// in one process (tests) with different keys never share converters.
/// </summary>
internal sealed class ProtectionOptionsExtension(FieldProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? info;

    public FieldProtector Protector { get; } = protector;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "FieldProtection ";

        // The internal service provider does not depend on the keys; the model cache key does.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["FieldProtection"] = "1";
    }
}

internal sealed class ProtectionModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.GetService<IDbContextOptions>().FindExtension<ProtectionOptionsExtension>()?.Protector, designTime);
}

public static class ProtectionOptions
{
    /// <summary>Adds the keys, the model cache per key ring and the blind-index interceptor to a context's options.</summary>
    public static DbContextOptionsBuilder<TContext> UseFieldProtection<TContext>(this DbContextOptionsBuilder<TContext> builder, FieldProtector protector)
        where TContext : DbContext
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ProtectionOptionsExtension(protector));
        builder.ReplaceService<IModelCacheKeyFactory, ProtectionModelCacheKeyFactory>();
        builder.AddInterceptors(BlindIndexInterceptor.Instance, EncryptedComparisonGuard.Instance);
        return builder;
    }

    // A scoped service lookup and a dictionary hit: cheap next to the query or SaveChanges that asks.
    internal static FieldProtector? FindProtector(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<ProtectionOptionsExtension>()?.Protector;
}
