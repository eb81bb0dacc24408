// Every dialog gives the focus back to what had it when the dialog opened (WCAG 2.4.3), by id, since an ajax
// update may have rendered that element anew in the meantime.
(function () {
    if (!window.PrimeFaces || !PrimeFaces.widget || !PrimeFaces.widget.Dialog) {
        return;
    }
    var dialog = PrimeFaces.widget.Dialog.prototype;
    var show = dialog.show;
    var hide = dialog.hide;
    dialog.show = function () {
        var opener = document.activeElement;
        if (!this.isVisible() && opener && opener.id && !this.jq[0].contains(opener)) {
            this.returnFocusTo = opener.id;
        }
        return show.apply(this, arguments);
    };
    dialog.hide = function () {
        var result = hide.apply(this, arguments);
        var id = this.returnFocusTo;
        this.returnFocusTo = null;
        if (id) {
            setTimeout(function () {
                var back = document.getElementById(id);
                if (back) {
                    back.focus();
                }
            }, 0);
        }
        return result;
    };
}());
