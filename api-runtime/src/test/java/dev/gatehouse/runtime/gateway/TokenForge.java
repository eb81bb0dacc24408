package dev.gatehouse.runtime.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.keymanager.signingkeys.KeyRing;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Test fixture, deployed only with {@link GatewayIT}: signs any claims with the product's real signing key, as an
 * insider or a bug in an issuer could, so that the gateway's own checks (issuer, audience, claims, type, header)
 * are tested against tokens whose signature is valid.
 */
@Path("_test/forge")
public class TokenForge {

    @EJB
    KeyRing keys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public String forge(String claims, @QueryParam("typ") String type, @QueryParam("jku") String jku,
            @QueryParam("x5u") String x5u, @QueryParam("jwk") boolean jwk, @QueryParam("x5c") boolean x5c,
            @QueryParam("crit") String critical) throws Exception {
        KeyRing.TokenSigner signer = keys.signer();
        JWSHeader.Builder header = new JWSHeader.Builder(signer.algorithm()).keyID(signer.kid())
                .type(new JOSEObjectType(type == null ? "at+jwt" : type));
        if (jku != null) {
            header.jwkURL(URI.create(jku));
        }
        if (x5u != null) {
            header.x509CertURL(URI.create(x5u));
        }
        if (jwk) {
            header.jwk(new RSAKeyGenerator(2048).generate().toPublicJWK());
        }
        if (x5c) {
            // only its presence is checked: any base64 stands for a certificate here
            header.x509CertChain(List.of(Base64.encode("not a certificate")));
        }
        if (critical != null) {
            header.customParam(critical, true).criticalParams(Set.of(critical));
        }
        SignedJWT jwt = new SignedJWT(header.build(), JWTClaimsSet.parse(claims));
        jwt.sign(signer.signer());
        return jwt.serialize();
    }
}
