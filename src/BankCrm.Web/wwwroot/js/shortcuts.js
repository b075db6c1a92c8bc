// "/" focuses the global customer search from anywhere, unless the user is already typing in a field.
document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
        return;
    }
    var target = event.target;
    var typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].indexOf(target.tagName) >= 0);
    var search = document.getElementById("global-search");
    if (!typing && search) {
        event.preventDefault();
        search.focus();
    }
});
