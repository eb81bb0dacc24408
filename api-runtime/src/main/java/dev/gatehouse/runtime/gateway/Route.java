package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
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
