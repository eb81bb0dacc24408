package dev.gatehouse.runtime.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Answers Payara's MicroProfile JWT for a bearer token it verified before, from {@link VerifiedTokens}, ahead of its
 * own identity store (which parses the key set, builds the key and verifies the signature on every request). A token
 * not known here is left to Payara's store, which verifies it as before; {@link TokenGate} remembers it once it has
 * passed. The principal is the very {@code JsonWebToken} Payara made, so the application sees no difference.
 *
 * <p>Only Payara's mechanism asks identity stores about bearer tokens; on WildFly smallrye-jwt verifies every
 * request itself and this store is never asked.
 */
@ApplicationScoped
public class VerifiedTokenStore implements IdentityStore {

    /** The credential Payara's MicroProfile JWT passes to identity stores; not on the application's class path. */
    private static final String PAYARA_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    @Inject
    VerifiedTokens verified;

    private volatile MethodHandle tokenText;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        String text = text(credential);
        if (text == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return verified.find(text, Instant.now())
                .filter(known -> known.token() instanceof CallerPrincipal)
                .map(known -> new CredentialValidationResult((CallerPrincipal) known.token(),
                        known.token().getGroups() == null ? Set.of() : known.token().getGroups()))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    /** Before Payara's own store, whose priority is the default (100). */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }

    private String text(Credential credential) {
        if (credential == null || !credential.getClass().getName().equals(PAYARA_CREDENTIAL)) {
            return null;
        }
        try {
            MethodHandle getter = tokenText;
            if (getter == null || getter.type().parameterType(0) != credential.getClass()) {
                getter = MethodHandles.publicLookup().findVirtual(credential.getClass(), "getSignedJWT",
                        MethodType.methodType(String.class));
                tokenText = getter;
            }
            return (String) getter.invoke(credential);
        } catch (Throwable unusable) {
            // another Payara version: its own store verifies every request, as without this one
            return null;
        }
    }
}
