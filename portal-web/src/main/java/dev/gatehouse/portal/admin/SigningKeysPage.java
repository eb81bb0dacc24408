package dev.gatehouse.portal.admin;

import dev.gatehouse.keymanager.signingkeys.api.SigningKeyStatus;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeyView;
import dev.gatehouse.keymanager.signingkeys.api.SigningKeys;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * admin/signing-keys.xhtml, for administrators (web.xml): the keys that sign access tokens, rotate now, and disable
 * a compromised key. The service checks the role again and audits each change.
 */
@Named
@ViewScoped
public class SigningKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SigningKeys keys;

    @Inject
    SignedInDeveloper administrator;

    private List<SigningKeyView> items = List.of();

    public void load() {
        items = keys.list(administrator.required());
    }

    public void rotate() {
        Outcome.report(() -> {
            SigningKeyView next = keys.rotate(administrator.required());
            return "Key " + next.kid() + " is published and signs from " + next.signsFrom() + ".";
        });
        load();
    }

    public void disable(SigningKeyView key) {
        Outcome.report(() -> {
            keys.disable(administrator.required(), key.kid());
            return "Key " + key.kid() + " is disabled: every token it signed is refused.";
        });
        load();
    }

    /** Whether this key signs now: the newest ACTIVE key whose time has come. */
    public boolean signs(SigningKeyView key) {
        Instant now = Instant.now();
        return items.stream().filter(k -> k.status() == SigningKeyStatus.ACTIVE && !k.signsFrom().isAfter(now))
                .findFirst().filter(key::equals).isPresent();
    }

    /** In words: signing, waiting to sign, retired (verifies its tokens), disabled. */
    public String state(SigningKeyView key) {
        return switch (key.status()) {
            case ACTIVE -> signs(key) ? "Signing" : key.signsFrom().isAfter(Instant.now()) ? "Waiting to sign" : "Active";
            case PASSIVE -> "Retired";
            case DISABLED -> "Disabled";
        };
    }

    public String severity(SigningKeyView key) {
        return switch (key.status()) {
            case ACTIVE -> "success";
            case PASSIVE -> "secondary";
            case DISABLED -> "danger";
        };
    }

    public List<SigningKeyView> getItems() {
        return items;
    }
}
