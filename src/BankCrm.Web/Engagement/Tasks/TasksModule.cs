using System.Globalization;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Data.Engagement.Tasks;

namespace BankCrm.Web.Engagement.Tasks;

/// <summary>The RM work queue: tasks, the service-priority list, interactions and the customer timeline.</summary>
public static class TasksModule
{
    public static IServiceCollection AddTasksModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReadEscalation(configuration));
        services.AddSingleton<TaskEscalationSweep>();
        services.AddSingleton<TaskOperations>();
        services.AddScoped<TaskChanges>();
        services.AddScoped<TaskListQuery>();
        services.AddScoped<TeamWorkloadQuery>();
        services.AddScoped<TaskStore>();
        services.AddScoped<TaskCreation>();
        services.AddScoped<InteractionStore>();
        services.AddScoped<CustomerTimelineQuery>();
        return services;
    }

    /// <summary>
    /// <c>Tasks:EscalateAfterHours</c>: how long past its due date an open task waits before it is escalated to the
    /// branch manager (default 24).
    /// </summary>
    public static OverdueEscalation ReadEscalation(IConfiguration configuration)
    {
        var hours = configuration.GetValue("Tasks:EscalateAfterHours", OverdueEscalation.DefaultAfter.TotalHours);
        return hours > 0
            ? new OverdueEscalation(TimeSpan.FromHours(hours))
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Tasks:EscalateAfterHours must be more than 0 (it is {hours})."));
    }
}

/// <summary>Tells the open-task panel and the timeline of a circuit that a task or an interaction changed.</summary>
internal sealed class TaskChanges
{
    public event Func<long, Task>? Changed;

    public Task NotifyAsync(long customerId) => Changed?.Invoke(customerId) ?? Task.CompletedTask;
}
