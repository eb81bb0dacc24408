package dev.gatehouse.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How the pages name the key manager's states: "Active", "On hold", not the enum constants. */
@Named
@ApplicationScoped
public class Labels {

    public String of(Enum<?> state) {
        if (state == null) {
            return "";
        }
        if ("PROD_ONLY_BLOCKED".equals(state.name())) {
            return "Blocked in production";
        }
        String words = state.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The action that moves an API to the lifecycle state: "Publish", "Deprecate", "Retire", "Block". */
    public String lifecycleAction(Enum<?> target) {
        return switch (target.name()) {
            case "PUBLISHED" -> "Publish";
            case "DEPRECATED" -> "Deprecate";
            case "RETIRED" -> "Retire";
            case "BLOCKED" -> "Block";
            default -> of(target);
        };
    }

    /** What the action does, for its confirmation. */
    public String lifecycleConsequence(Enum<?> target) {
        return switch (target.name()) {
            case "PUBLISHED" -> "Developers will find it in the catalog and may subscribe.";
            case "DEPRECATED" -> "It stays in the catalog, marked deprecated; subscriptions keep working.";
            case "RETIRED" -> "Its calls are refused and it leaves the catalog for good.";
            case "BLOCKED" -> "Its calls are refused until it is published again.";
            default -> "";
        };
    }

    /** An operation's scopes as a page shows them: sorted, separated by spaces, or "none". */
    public String scopes(Set<String> scopes) {
        return scopes.isEmpty() ? "none" : String.join(" ", new TreeSet<>(scopes));
    }

    /** Refusals by reason as a page shows them: "rate_limited: 2, insufficient_scope: 1", most frequent first. */
    public String reasons(Map<String, Long> byReason) {
        return byReason.isEmpty() ? "none" : byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining(", "));
    }
}
