using BankCrm.Data.Segmentation.Segments;
using BankCrm.Data.Segmentation.Tags;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Segmentation;

/// <summary>Tags and segments (issue 4 items 2 and 5).</summary>
public static class TagsAndSegmentsModule
{
    public static IServiceCollection AddTagsAndSegments(this IServiceCollection services)
    {
        services.AddSingleton<TagRefresher>();
        services.AddSingleton<ITagRefresher>(sp => sp.GetRequiredService<TagRefresher>());
        services.AddSingleton<TagStore>();
        services.AddSingleton<SegmentStore>();
        return services;
    }
}
