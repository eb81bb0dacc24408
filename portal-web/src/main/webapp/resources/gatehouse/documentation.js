// Swagger UI for apis/documentation.xhtml. The document names the gateway as its only server and Gatehouse's
// authorization-code flow as its only security scheme. A try-it call to this API on the gateway carries the token of
// the person signed in with Authorize, if any, else the one that the page's "Use a token" button put in the form.
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

    /** Authorize signs in with the application chosen on the page at the time it is pressed. */
    function signInSettings() {
        var clientId = document.getElementById('sign-in-client-id');
        return {clientId: clientId ? clientId.value : '', usePkceWithAuthorizationCodeGrant: true};
    }

    var ui = SwaggerUIBundle({
        url: root.getAttribute('data-spec-url'),
        dom_id: '#swagger-ui',
        deepLinking: false,
        validatorUrl: null,
        oauth2RedirectUrl: root.getAttribute('data-sign-in-redirect'),
        // the highlighter's colours fall below WCAG AA contrast on its dark background; plain text does not
        syntaxHighlight: false,
        onComplete: labelServers,
        requestInterceptor: function (request) {
            var token = document.getElementById('access-token');
            if (token && token.value && isThisApi(request.url) && !request.headers.Authorization) {
                request.headers.Authorization = 'Bearer ' + token.value;
            }
            return request;
        }
    });
    ui.initOAuth(signInSettings());
    // capturing, so that the dialog opens with the application chosen now, not the one chosen when the page loaded
    document.addEventListener('click', function (event) {
        if (event.target.closest && event.target.closest('.auth-wrapper .authorize')) {
            ui.initOAuth(signInSettings());
        }
    }, true);
}());
