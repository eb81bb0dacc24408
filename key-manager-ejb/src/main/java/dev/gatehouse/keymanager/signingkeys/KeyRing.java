package dev.gatehouse.keymanager.signingkeys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import dev.gatehouse.keymanager.signingkeys.api.PublishedKeys;
import java.util.Optional;

/**
 * The signing keys as this instance knows them: what signs and verifies tokens, and what is published. Internal to
 * the key manager: the WARs see {@link PublishedKeys}.
 */
public interface KeyRing extends PublishedKeys {

    /** The key that signs now: the newest ACTIVE key whose signs-from time has passed. */
    TokenSigner signer();

    /** The key that verifies tokens naming this kid, if it is ACTIVE or PASSIVE. */
    Optional<TokenVerifier> verifier(String kid);

    /** The keys changed here: the next use reads them again rather than wait for the next reload. */
    void readAgain();

    /** A thread-safe signer; holds no key material in its string form. */
    record TokenSigner(String kid, JWSAlgorithm algorithm, JWSSigner signer) {
    }

    record TokenVerifier(String kid, JWSAlgorithm algorithm, JWSVerifier verifier) {
    }
}
