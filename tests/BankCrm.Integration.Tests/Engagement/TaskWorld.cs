using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>Customers and tasks for the task and interaction tests, created through the API or (for machine-made tasks) TaskWriter.</summary>
internal static class TaskWorld
{
    public static async Task<long> CustomerOfAsync(BankCrmApp app, string rm, string name)
    {
        using var client = await app.ClientForAsync(rm);
        return (await client.CreateAsync(CustomerApi.Individual(name))).Id;
    }

    public static async Task<TaskLine> CreateTaskAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/tasks", body, CustomerApi.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/tasks answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<TaskLine>(text, CustomerApi.Json)!;
    }

    /// <summary>A task as a playbook would make it: any due date, owner by default the customer's RM.</summary>
    public static async Task<long> MachineTaskAsync(BankCrmApp app, long customerId, string title, DateTime dueAt, TaskUrgency urgency = TaskUrgency.Normal)
    {
        await using var db = app.CreateDbContext();
        return await TaskWriter.CreateAsync(
            db, new NewTask(customerId, title, "测试原因", TaskSource.Playbook, $"test:{Guid.NewGuid():N}", urgency, dueAt, "test"), TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    public static async Task<string> UserIdAsync(BankCrmApp app, string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<WorkTask> TaskRowAsync(BankCrmApp app, long id)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, CustomerApi.Json);
}
