// Swagger UI for apis/documentation.xhtml. The document names the gateway as its only server; each try-it call to
// this API on the gateway carries the access token that the page's "Use a token" button put in the form, if any.
(function () {
    var root = document.getElementById('swagger-ui');
    if (!root || typeof SwaggerUIBundle !== 'function') {
        return;
    }
    var gatewayPath = root.getAttribute('data-gateway-path');

    // Only this API on this origin's gateway: whatever server a document names, the token goes nowhere else.
    function isThisApi(url) {
        var target;
        try {
            target = new URL(url, window.location.href);
        } catch (e) {
            return false;
        }
        return Boolean(gatewayPath) && target.origin === window.location.origin
            && target.pathname.indexOf(gatewayPath) === 0;
    }

    /** Swagger UI's server list is a select without a label; screen readers need one (axe-core: select-name). */
    function labelServers() {
        var servers = document.getElementById('servers');
        if (servers) {
            servers.setAttribute('aria-label', 'Server');
        }
    }

    SwaggerUIBundle({
        url: root.getAttribute('data-spec-url'),
        dom_id: '#swagger-ui',
        deepLinking: false,
        validatorUrl: null,
        // the highlighter's colours fall below WCAG AA contrast on its dark background; plain text does not
        syntaxHighlight: false,
        onComplete: labelServers,
        requestInterceptor: function (request) {
            var token = document.getElementById('access-token');
            if (token && token.value && isThisApi(request.url)) {
                request.headers.Authorization = 'Bearer ' + token.value;
            }
            return request;
        }
    });
}());
