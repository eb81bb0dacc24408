package dev.gatehouse.runtime.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.keymanager.keys.TokenKeys;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Set;

/**
 * Test fixture, deployed only with {@link GatewayIT}: signs any claims with the product's real signing key, as an
 * insider or a bug in an issuer could, so that the gateway's own checks (issuer, audience, claims, type, header)
 * are tested against tokens whose signature is valid.
 */
@Path("_test/forge")
public class TokenForge {

    @EJB
    TokenKeys keys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public String forge(String claims, @QueryParam("typ") String type, @QueryParam("jku") String jku,
            @QueryParam("crit") String critical) throws Exception {
        TokenKeys.TokenSigner signer = keys.signer();
        JWSHeader.Builder header = new JWSHeader.Builder(signer.algorithm()).keyID(signer.kid())
                .type(new JOSEObjectType(type == null ? "at+jwt" : type));
        if (jku != null) {
            header.jwkURL(URI.create(jku));
        }
        if (critical != null) {
            header.customParam(critical, true).criticalParams(Set.of(critical));
        }
        SignedJWT jwt = new SignedJWT(header.build(), JWTClaimsSet.parse(claims));
        jwt.sign(signer.signer());
        return jwt.serialize();
    }
}
