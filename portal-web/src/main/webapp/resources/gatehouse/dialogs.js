// Every dialog gives the focus back to what had it when the dialog opened (WCAG 2.4.3), by id, since an ajax
// update may have rendered that element anew in the meantime. Where the update removed it (Generate Key is gone
// once there are keys), the focus goes to its nearest container that is still there, not to the top of the page.
(function () {
    if (!window.PrimeFaces || !PrimeFaces.widget || !PrimeFaces.widget.Dialog) {
        return;
    }

    /** The ids of the element and of its ancestors, nearest first. */
    function idsFrom(element) {
        var ids = [];
        for (var node = element; node && node !== document.body; node = node.parentElement) {
            if (node.id) {
                ids.push(node.id);
            }
        }
        return ids;
    }

    // a dialog opened by an ajax answer finds the focus on the page's body: the button pressed was rendered anew
    var lastFocused = [];
    document.addEventListener('focusin', function (event) {
        lastFocused = idsFrom(event.target);
    }, true);

    var dialog = PrimeFaces.widget.Dialog.prototype;
    var show = dialog.show;
    var hide = dialog.hide;
    dialog.show = function () {
        var active = document.activeElement;
        var opener = active && active !== document.body ? idsFrom(active) : lastFocused;
        var first = opener.length ? document.getElementById(opener[0]) : null;
        if (!this.isVisible() && opener.length && !(first && this.jq[0].contains(first))) {
            this.returnFocusTo = opener;
        }
        return show.apply(this, arguments);
    };
    dialog.hide = function () {
        var result = hide.apply(this, arguments);
        var ids = this.returnFocusTo;
        this.returnFocusTo = null;
        if (ids) {
            setTimeout(function () {
                for (var i = 0; i < ids.length; i++) {
                    var back = document.getElementById(ids[i]);
                    if (back && back.getClientRects().length) {
                        if (i > 0 && !back.hasAttribute('tabindex')) {
                            back.setAttribute('tabindex', '-1'); // a container takes the focus only so
                        }
                        back.focus();
                        return;
                    }
                }
            }, 0);
        }
        return result;
    };
}());
