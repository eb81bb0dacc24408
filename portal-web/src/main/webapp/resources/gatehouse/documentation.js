// Swagger UI for apis/documentation.xhtml. The document names the gateway as its only server; each try-it call
// carries the access token that the page's "Use a token" button put in the form, if any.
(function () {
    var root = document.getElementById('swagger-ui');
    if (!root || typeof SwaggerUIBundle !== 'function') {
        return;
    }
    SwaggerUIBundle({
        url: root.getAttribute('data-spec-url'),
        dom_id: '#swagger-ui',
        deepLinking: false,
        requestInterceptor: function (request) {
            var token = document.getElementById('access-token');
            if (token && token.value && request.url.indexOf('/api/') !== -1) {
                request.headers.Authorization = 'Bearer ' + token.value;
            }
            return request;
        }
    });
}());
