using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Engagement.Outreach;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>The playbook rules with the Liquid template check of Data plugged in.</summary>
public static class PlaybookDefinitions
{
    public static IReadOnlyList<FieldError> Validate(PlaybookDefinition definition) => PlaybookValidator.Validate(definition, MessageTemplates.Validate);

    /// <summary>The stored definition when it parses and is valid; otherwise the errors (an edited database, an older version's JSON).</summary>
    public static (PlaybookDefinition? Definition, IReadOnlyList<FieldError> Errors) ReadValid(Playbook playbook)
    {
        var (definition, errors) = PlaybookJson.Read(playbook);
        if (definition is null)
        {
            return (null, errors);
        }

        var invalid = Validate(definition);
        return invalid.Count == 0 ? (definition, invalid) : (null, invalid);
    }
}
