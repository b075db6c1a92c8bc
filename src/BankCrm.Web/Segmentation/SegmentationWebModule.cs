namespace BankCrm.Web.Segmentation;

public static class SegmentationWebModule
{
    public static IServiceCollection AddSegmentationWeb(this IServiceCollection services) => services.AddSingleton<MaskedExport>();

    public static IEndpointRouteBuilder MapSegmentationApiV1(this IEndpointRouteBuilder app) => app.MapTagsApiV1().MapSegmentsApiV1();
}
