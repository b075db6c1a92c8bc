using BankCrm.Web.Hosting;

return await CommandLine.RunAsync(args);

/// <summary>Entry point type, named for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
