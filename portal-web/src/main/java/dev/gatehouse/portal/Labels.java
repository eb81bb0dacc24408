package dev.gatehouse.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

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
}
