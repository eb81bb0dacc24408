package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.PasswordChecksBusy;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.accounts.api.SignInThrottled;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/** Portal sign-in against Gatehouse accounts; the account's roles become the container's groups. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    AccountService accounts;

    @Inject
    SignedInDeveloper signedIn;

    @Inject
    SignInRefusal refusal;

    /** Checks the credential of a sign-in from this source address (the browser's IP address). */
    public CredentialValidationResult validate(UsernamePasswordCredential credential, String sourceAddress) {
        try {
            return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString(), sourceAddress)
                    .map(caller -> {
                        signedIn.signIn(caller);
                        return new CredentialValidationResult(caller.username(),
                                caller.roles().stream().map(Role::name).collect(Collectors.toSet()));
                    })
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (SignInThrottled | PasswordChecksBusy refused) {
            refusal.refuse(refused.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
