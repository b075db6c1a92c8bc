using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using BankCrm.Web.Consent;
using BankCrm.Web.Audit;
using BankCrm.Web.Components;
using BankCrm.Web.Customers;
using BankCrm.Web.Customers.ImportCustomers;
using BankCrm.Web.Customers.Sharing;
using BankCrm.Web.Engagement;
using BankCrm.Web.Engagement.Outreach;
using BankCrm.Web.Engagement.Playbooks;
using BankCrm.Web.Engagement.Tasks;
using BankCrm.Web.Identity;
using BankCrm.Web.Privacy;
using BankCrm.Web.Localization;
using BankCrm.Web.Scoring;
using BankCrm.Web.Security;
using BankCrm.Web.Staff;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace BankCrm.Web.Hosting;

/// <summary>Builds the web application: UI, HTTP API, authentication and health checks over one database.</summary>
public static class AppHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(AppFolder.Options(args));
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["Kestrel:Endpoints:Http:Url"] is null)
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        // Chinese text is written as characters, not &#x...; entities, in server-rendered HTML.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCrmData(builder.Configuration);
        services.AddDatabaseDataProtection();
        services.AddStaffIdentity();
        services.AddStaffMfa();
        services.AddWebSecurity(builder.Configuration);
        services.AddCustomersModule();
        services.AddConsentModule();
        services.AddCustomerSharing(builder.Configuration);
        services.AddCustomerImport();
        services.AddAuditModule();
        services.AddStaffAdministration();
        services.AddScoringModule(builder.Configuration);
        services.AddSegmentationWeb();
        services.AddPrivacyModule(builder.Configuration);
        services.AddCampaignsAndEvents();
        services.AddOutreachModule(builder.Configuration);
        services.AddPlaybooksModule(builder.Configuration);
        services.AddTasksModule(builder.Configuration);
        services.AddJobScheduler(builder.Configuration, NightlyScoring.AddJob, OutboxDispatch.AddJob, CampaignSend.AddJob, PlaybookJobs.AddJobs, TaskEscalation.AddJob);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        services.AddErrorPipeline();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseRelativeRedirects();
        app.UseWebSecurity();
        app.UseErrorPipeline();
        app.UseRequestLimits();
        app.UseRequestLocalization(options =>
        {
            string[] cultures = CultureEndpoints.SupportedCultures;
            options.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);

            // Chinese unless the user picked English in the app bar; a browser's Accept-Language is not a choice.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseBearerStampCheck();
        app.UseRequiredMfa();
        app.UseWebRateLimits();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(Permissions.SelfService);
        app.MapScalarApiReference("/api/docs").RequireAuthorization(Permissions.SelfService);
        app.MapAuthEndpoints();
        app.MapCultureEndpoints();
        app.MapAuditApiV1();

        // Every API that can show a customer records who read which customer (seed 003 记录所有访问).
        var audited = app.MapGroup(string.Empty).AddEndpointFilter<CustomerReadAuditFilter>();
        audited.MapMfaEndpoints();
        audited.MapCustomersApiV1();
        audited.MapConsentApiV1();
        audited.MapCustomerSharingApiV1();
        audited.MapCustomerImportApiV1();
        audited.MapStaffApiV1();
        audited.MapScoringApiV1();
        audited.MapSegmentationApiV1();
        audited.MapPrivacyApiV1();
        audited.MapCampaignsAndEventsApiV1();
        audited.MapOutreachApiV1();
        audited.MapPlaybooksApiV1();
        audited.MapTasksApiV1();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static async Task<int> ServeAsync(string[] args)
    {
        var app = Build(args);
        var generated = await DatabaseStartup.PrepareAsync(app.Services, app.Configuration, app.Logger, CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        if (generated && app.Configuration.GetValue("Demo:ScoreOnStart", true))
        {
            app.Lifetime.ApplicationStarted.Register(() => DemoBankPicture.StartInBackground(app.Services, app.Logger, app.Lifetime.ApplicationStopping));
        }
        await app.RunAsync();
        return 0;
    }
}
