package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An API with its operations' path templates compiled. Concrete paths win over templated ones (OpenAPI 3 "Path
 * Templating Matching"), then longer templates over shorter; a template parameter matches one path segment.
 */
final class Route {

    private final ApiRoute api;
    private final List<Template> templates;

    private record Template(RouteOperation operation, Pattern pattern, int literalLength, boolean concrete) {
    }

    /** The operation for the method and path, or the methods the path allows (for 405), or nothing (404). */
    record Match(Optional<RouteOperation> operation, Set<String> allowedMethods) {
    }

    Route(ApiRoute api) {
        this.api = api;
        this.templates = api.operations().stream()
                .map(operation -> new Template(operation, compile(operation.pathTemplate()),
                        operation.pathTemplate().replaceAll("\\{[^}/]*}", "").length(),
                        !operation.pathTemplate().contains("{")))
                .sorted(Comparator.comparing((Template t) -> !t.concrete()).thenComparing(t -> -t.literalLength()))
                .toList();
    }

    ApiRoute api() {
        return api;
    }

    /** In the catalog (published or deprecated): the gateway may say that the API exists to anyone. */
    boolean isListed() {
        return api.lifecycle() == Lifecycle.PUBLISHED || api.lifecycle() == Lifecycle.DEPRECATED;
    }

    Match match(String method, String path) {
        String normalized = path.isEmpty() ? "/" : path;
        Set<String> allowed = new TreeSet<>();
        for (Template template : templates) {
            if (template.pattern().matcher(normalized).matches()) {
                if (template.operation().method().equalsIgnoreCase(method)) {
                    return new Match(Optional.of(template.operation()), Set.of());
                }
                allowed.add(template.operation().method().toUpperCase(Locale.ROOT));
            }
        }
        return new Match(Optional.empty(), allowed);
    }

    /**
     * Whether the raw (still percent-encoded) path is one that any backend reads as the gateway matched it: no empty
     * segment (except a trailing slash), no segment that is, decoded and without {@code ;} parameters, {@code .} or
     * {@code ..}, and no encoded {@code /}, backslash or control character. A template parameter matches one raw
     * segment, so {@code ..%2Fmenu} would match {@code /order/{id}} and reach {@code /menu} of a decoding backend.
     */
    static boolean isPlainPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return true;
        }
        if (rawPath.charAt(0) != '/') {
            return false;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                if (i < segments.length - 1) {
                    return false;
                }
                continue;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return false;
            }
            if (decoded.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
                return false;
            }
            int parameters = decoded.indexOf(';');
            String name = parameters < 0 ? decoded : decoded.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            if (open > at) {
                regex.append(Pattern.quote(template.substring(at, open)));
            }
            regex.append("[^/]+");
            at = close + 1;
        }
        // a trailing slash is the same resource
        return Pattern.compile(regex + "/?");
    }
}
