using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Engagement.Tasks;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Engagement.Tasks;

public sealed partial class CustomerWorkPanel
{
    private const int Shown = 5;
    private PagedResult<TaskLine>? tasks;
    private string actorId = string.Empty;

    /// <summary>Task reasons carry amounts: shown only where asset details are (StepUp.ShowsAssetAmounts).</summary>
    private bool amountsShown;
    private bool mayWork;
    private bool mayLog;
    private bool showQr;
    private Uri? pageUrl;
    private string? qrImage;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TaskOperations Operations { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    [Inject]
    private TaskChanges Changes { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        actorId = actor.UserId;
        amountsShown = StepUp.ShowsAssetAmounts((await AuthenticationState).User);
        mayWork = actor.Can(Permissions.TasksWork);
        mayLog = actor.Can(Permissions.InteractionsWrite);
        pageUrl = CustomerQrCode.PageUrl(CustomerQrCode.BaseUri(Configuration, Navigation.BaseUri), CustomerId);
        Changes.Changed += OnChangedAsync;
        await LoadAsync(actor);
    }

    public void Dispose() => Changes.Changed -= OnChangedAsync;

    private async Task LoadAsync(Actor actor)
    {
        if (mayWork)
        {
            tasks = await Operations.ListAsync(actor, new TaskFilter { CustomerId = CustomerId, PageSize = Shown });
        }
    }

    /// <summary>An outcome logged on a card: this panel and the timeline both follow.</summary>
    private Task ReloadAsync(TaskLine? changed) => Changes.NotifyAsync(CustomerId);

    private void ToggleQr()
    {
        showQr = !showQr;
        if (showQr && pageUrl is not null)
        {
            qrImage ??= CustomerQrCode.PngDataUri(pageUrl);
        }
    }

    private async Task OnChangedAsync(long customerId)
    {
        if (customerId == CustomerId)
        {
            await LoadAsync(await AuthenticationState.ToActorAsync());
            await InvokeAsync(StateHasChanged);
        }
    }

    private async Task LogInteractionAsync() => await LogInteractionDialog.ShowAsync(Dialogs, T, CustomerId, task: null);
}
