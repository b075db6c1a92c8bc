using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>Builds the <see cref="MessageModel"/> of one customer for rendering a template at enqueue time.</summary>
public static class MessageModels
{
    public static async Task<MessageModel> ForCustomerAsync(CrmDbContext db, long customerId, string? productName, string? offer, DateTime now, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Type, c.Name, c.Gender, c.BranchId, c.RelationshipManagerId })
            .SingleAsync(cancellationToken);
        var branch = await db.Branches.AsNoTracking().Where(b => b.Id == customer.BranchId).Select(b => b.Name).SingleOrDefaultAsync(cancellationToken);
        var rm = customer.RelationshipManagerId is { } rmId
            ? await db.Users.AsNoTracking().Where(u => u.Id == rmId).Select(u => new { u.DisplayName, u.PhoneNumber }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new MessageModel(
            Salutation.For(customer.Type, customer.Name, customer.Gender),
            rm?.DisplayName ?? "您的客户经理",
            rm?.PhoneNumber ?? "本行客服热线",
            branch ?? string.Empty,
            productName,
            offer,
            DateOnly.FromDateTime(ChinaTime.FromUtc(now)));
    }
}
