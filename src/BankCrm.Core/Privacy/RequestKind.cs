namespace BankCrm.Core.Privacy;

/// <summary>The rights of PIPL Art. 44–47 a customer may exercise; the values are stored, never renumber one.</summary>
public enum RequestKind
{
    /// <summary>查阅复制: a copy of all their personal information (Art. 45).</summary>
    Access = 1,

    /// <summary>更正补充: correct or complete inaccurate information (Art. 46).</summary>
    Correction = 2,

    /// <summary>删除: delete what the bank no longer needs or may no longer keep (Art. 47).</summary>
    Erasure = 3,

    /// <summary>撤回同意 (Art. 15); the withdrawal itself is recorded as a consent record.</summary>
    WithdrawConsent = 4,
}

/// <summary>Where the request came in; the request's evidence lives there.</summary>
public enum RequestChannel
{
    Branch = 1,
    Phone = 2,
    App = 3,
    Online = 4,
    Letter = 5,
}

public enum RequestStatus
{
    Received = 1,
    InProgress = 2,
    Completed = 3,
    Rejected = 4,
}
