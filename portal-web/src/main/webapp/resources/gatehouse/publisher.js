// publisher/index.xhtml: a chosen OpenAPI file is read in the browser into the document field, so the document
// travels with the rest of the form (no separate upload).
(function () {
    var chooser = document.getElementById('document-file');
    if (!chooser) {
        return;
    }
    chooser.addEventListener('change', function () {
        var file = chooser.files && chooser.files[0];
        if (!file) {
            return;
        }
        var reader = new FileReader();
        reader.onload = function () {
            document.getElementById(chooser.getAttribute('data-target')).value = reader.result;
        };
        reader.readAsText(file);
    });
}());
