using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>
/// A few open tasks for the demo logins rm1 and rm2, so the service-priority list is not empty on first run. Created
/// through <see cref="TaskWriter"/> for the first customers (by customer number) of each RM's book, with due dates
/// relative to the moment of seeding; the source keys make a second run a no-op.
/// </summary>
public static class DemoTasks
{
    public const string CreatedBy = "demo-bank";

    private static readonly (string Title, string Reason, TaskUrgency Urgency, double DueInDays)[] ForRm1 =
    [
        ("流失预警回访", "近 60 天资产下降超过 30%，进入衰退预警期：1v1 需求诊断，介绍专属理财权益", TaskUrgency.Critical, -2),
        ("贷款续贷沟通", "经营贷一个月后到期：确认续贷意向，准备一键续贷材料", TaskUrgency.High, 0.3),
        ("新客 72 小时破冰电话", "新开户客户：介绍专属服务指南和客户经理联系方式", TaskUrgency.High, 1.5),
        ("基金定投推荐", "产品渗透率低，近期浏览过基金页面：推荐基金定投", TaskUrgency.Normal, 4),
        ("季度定期回访", "定期回访：了解客户最新需求和使用体验", TaskUrgency.Low, 10),
        ("财富沙龙邀约", "本季度“家族信托与全球化资产配置”闭门沙龙，邀请客户报名", TaskUrgency.Normal, 6),
    ];

    private static readonly (string Title, string Reason, TaskUrgency Urgency, double DueInDays)[] ForRm2 =
    [
        ("流失预警回访", "活跃度下降 30%：启动权益唤醒计划", TaskUrgency.High, -3),
        ("季度定期回访", "定期回访：了解客户最新需求和使用体验", TaskUrgency.Low, 8),
    ];

    public static async Task SeedAsync(CrmDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        await SeedForAsync(db, "rm1", ForRm1, now, cancellationToken);
        await SeedForAsync(db, "rm2", ForRm2, now, cancellationToken);
    }

    private static async Task SeedForAsync(
        CrmDbContext db, string userName, (string Title, string Reason, TaskUrgency Urgency, double DueInDays)[] tasks, DateTime now, CancellationToken cancellationToken)
    {
        var ownerId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            return;
        }

        var customers = await db.Customers.AsNoTracking().Where(c => c.RelationshipManagerId == ownerId)
            .OrderBy(c => c.CustomerNumber).Select(c => c.Id).Take(tasks.Length).ToListAsync(cancellationToken);
        for (var i = 0; i < customers.Count; i++)
        {
            var (title, reason, urgency, dueInDays) = tasks[i];
            await TaskWriter.CreateAsync(
                db,
                new NewTask(customers[i], title, reason, TaskSource.Manual, $"demo:{userName}:{i + 1}", urgency, now.AddDays(dueInDays), CreatedBy, ownerId),
                now,
                cancellationToken);
        }
    }
}
