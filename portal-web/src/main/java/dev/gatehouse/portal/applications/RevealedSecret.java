package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.clients.api.Environment;
import jakarta.enterprise.context.RequestScoped;

/**
 * A secret just generated on the application page, for the one response that shows it in its dialog. Request-scoped
 * so that the view-scoped page never holds it: no later request of the page (closing the dialog however it is
 * closed, saving, generating a token) can render it again.
 */
@RequestScoped
public class RevealedSecret {

    private Environment environment;
    private String title;
    private String value;

    void reveal(Environment environment, String title, String value) {
        this.environment = environment;
        this.title = title;
        this.value = value;
    }

    String value(Environment of) {
        return of == environment ? value : null;
    }

    String title(Environment of) {
        return of == environment ? title : null;
    }
}
