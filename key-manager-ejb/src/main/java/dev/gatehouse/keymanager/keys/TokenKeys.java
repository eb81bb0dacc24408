package dev.gatehouse.keymanager.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import java.util.Optional;

/**
 * What the tokens feature needs of the signing keys. Internal to the key manager: the WARs see {@code SigningKeys}.
 */
public interface TokenKeys {

    /** The key that signs now: the newest ACTIVE key whose signs-from time has passed. */
    TokenSigner signer();

    /** The key that verifies tokens naming this kid, if it is ACTIVE or PASSIVE. */
    Optional<TokenVerifier> verifier(String kid);

    /** A thread-safe signer; holds no key material in its string form. */
    record TokenSigner(String kid, JWSAlgorithm algorithm, JWSSigner signer) {
    }

    record TokenVerifier(String kid, JWSAlgorithm algorithm, JWSVerifier verifier) {
    }
}
