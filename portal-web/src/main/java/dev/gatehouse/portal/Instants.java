package dev.gatehouse.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * One way to show an instant on every page (through the composite {@code gh:instant}): the view's locale, to the
 * minute, in the portal's time zone; the page puts the full instant in a tooltip.
 */
@Named
@ApplicationScoped
public class Instants {

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.getDefault();
        return format(instant, locale, ZoneId.systemDefault());
    }

    static String format(Instant instant, Locale locale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }
}
