namespace BankCrm.Core.Consent;

/// <summary>What a customer agrees to (PIPL Art. 14: consent is given per purpose, and separately for sharing, Art. 23).</summary>
public enum ConsentPurpose
{
    /// <summary>营销: product offers; granted per <see cref="ContactChannel"/>.</summary>
    Marketing = 1,

    /// <summary>用户画像: scores and segments built from the customer's data (PIPL Art. 24).</summary>
    Profiling = 2,

    /// <summary>第三方共享: giving personal information to another processor (PIPL Art. 23, separate consent).</summary>
    ThirdPartySharing = 3,
}

/// <summary>The channel a marketing consent covers.</summary>
public enum ContactChannel
{
    Sms = 1,
    Email = 2,
    WeCom = 3,
    AppPush = 4,
    Phone = 5,
}

/// <summary>Where the customer gave or withdrew consent; the evidence of it lives there.</summary>
public enum ConsentSource
{
    Branch = 1,
    App = 2,
    Online = 3,
    Rm = 4,
    Import = 5,
}
