namespace BankCrm.Core.Segmentation;

/// <summary>The four customer classes of seed 002 三(一).</summary>
public enum CustomerClass
{
    /// <summary>战略客户: high value and high stickiness.</summary>
    Strategic = 1,

    /// <summary>成长客户: potential and fast growth.</summary>
    Growth = 2,

    /// <summary>基础客户: inclusive, frequent transactions.</summary>
    Basic = 3,

    /// <summary>关注客户: churn warning, needs activating.</summary>
    Attention = 4,
}
