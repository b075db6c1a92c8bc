namespace BankCrm.Core.Common;

/// <summary>A rule that one field broke: the field name, a stable rule code and a Chinese message for the user.</summary>
public sealed record FieldError(string Field, string Rule, string Message);
