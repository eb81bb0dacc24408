package dev.gatehouse.runtime.authentication;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.PasswordChecksBusy;
import dev.gatehouse.keymanager.accounts.api.SignInThrottled;
import dev.gatehouse.runtime.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Authenticates {@link AccountRequired} resources with the account's username and password (HTTP Basic). A
 * sign-in refused before its password was checked is 429 (too many failures from this address) or 503 (too many
 * password checks at once), both with {@code Retry-After}.
 */
@Provider
@AccountRequired
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"gatehouse\", charset=\"UTF-8\"";

    @Inject
    CredentialCache credentials;

    @Inject
    SignedIn signedIn;

    @EJB
    AccountService accounts;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        var basic = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Caller> caller;
        try {
            caller = basic.flatMap(b -> credentials.authenticate(b.id(), b.password(), servletRequest.getRemoteAddr()))
                    // the remembered sign-in says who; the account as it is now says what it may do (roles, lock),
                    // and ends the sign-in if the password has changed since, here or on another node
                    .flatMap(remembered -> accounts.current(remembered.accountId())
                            .filter(now -> now.samePasswordAs(remembered)));
        } catch (SignInThrottled e) {
            request.abortWith(retryLater(Response.Status.TOO_MANY_REQUESTS, e.reason(), e.getMessage(),
                    e.retryAfterSeconds()));
            return;
        } catch (PasswordChecksBusy e) {
            request.abortWith(retryLater(Response.Status.SERVICE_UNAVAILABLE, e.reason(), e.getMessage(),
                    e.retryAfterSeconds()));
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                            "Sign in with your Gatehouse username and password (HTTP Basic).").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .build());
            return;
        }
        if (caller.get().passwordChangeRequired() && !resource.getResourceClass().isAnnotationPresent(AllowedBeforePasswordChange.class)) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "password_change_required",
                    "This account's password must be changed first: PUT /developer/v1/account/password.").toResponse());
            return;
        }
        signedIn.set(caller.get());
    }

    private static Response retryLater(Response.Status status, String reason, String detail, long seconds) {
        return Response.fromResponse(Problem.of(status, reason, detail).toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
