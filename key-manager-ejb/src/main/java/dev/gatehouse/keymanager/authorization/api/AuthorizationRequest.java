package dev.gatehouse.keymanager.authorization.api;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core §3.1.2.1's
 * nonce, prompt and max_age), as received: the service checks them. {@code redirectUri} may be null when the client
 * has registered exactly one callback URL.
 */
public record AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope,
        String state, String nonce, String codeChallenge, String codeChallengeMethod, String prompt, String maxAge)
        implements Serializable {

    public static final String PROMPT_NONE = "none";
    public static final String PROMPT_LOGIN = "login";
    public static final String PROMPT_CONSENT = "consent";
    public static final String PROMPT_SELECT_ACCOUNT = "select_account";

    /** Without prompt and max_age. */
    public AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope, String state,
            String nonce, String codeChallenge, String codeChallengeMethod) {
        this(clientId, redirectUri, responseType, scope, state, nonce, codeChallenge, codeChallengeMethod, null, null);
    }

    /** The request's parameters, looked up by their names in the specifications. */
    public static AuthorizationRequest of(Function<String, String> parameter) {
        return new AuthorizationRequest(parameter.apply("client_id"), parameter.apply("redirect_uri"),
                parameter.apply("response_type"), parameter.apply("scope"), parameter.apply("state"),
                parameter.apply("nonce"), parameter.apply("code_challenge"), parameter.apply("code_challenge_method"),
                parameter.apply("prompt"), parameter.apply("max_age"));
    }

    /** The prompt values asked for (OpenID Connect Core §3.1.2.1), none when there is no prompt. */
    public Set<String> prompts() {
        return prompt == null || prompt.isBlank() ? Set.of()
                : Arrays.stream(prompt.strip().split(" +")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** prompt=none: the person may not be shown anything; the client hears login_required or consent_required. */
    public boolean withoutInteraction() {
        return prompts().contains(PROMPT_NONE);
    }

    /**
     * The person must prove who they are again: prompt=login or select_account, or a sign-in older than max_age
     * (a malformed max_age is the service's to refuse).
     */
    public boolean needsSignInSince(Instant signedInAt, Instant now) {
        if (prompts().contains(PROMPT_LOGIN) || prompts().contains(PROMPT_SELECT_ACCOUNT)) {
            return true;
        }
        if (maxAge == null || !maxAge.strip().matches("[0-9]{1,9}")) {
            return false;
        }
        return signedInAt == null || signedInAt.plusSeconds(Long.parseLong(maxAge.strip())).isBefore(now);
    }

    /** The same request once the person has just signed in: what asked for the sign-in is met. */
    public AuthorizationRequest signedInNow() {
        Set<String> rest = new TreeSet<>(prompts());
        rest.remove(PROMPT_LOGIN);
        rest.remove(PROMPT_SELECT_ACCOUNT);
        return new AuthorizationRequest(clientId, redirectUri, responseType, scope, state, nonce, codeChallenge,
                codeChallengeMethod, rest.isEmpty() ? null : String.join(" ", rest), null);
    }

    /** The request as a query string again, its parameters form-url-encoded. */
    public String toQuery() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("response_type", responseType);
        parameters.put("scope", scope);
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        parameters.put("code_challenge", codeChallenge);
        parameters.put("code_challenge_method", codeChallengeMethod);
        parameters.put("prompt", prompt);
        parameters.put("max_age", maxAge);
        return parameters.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
