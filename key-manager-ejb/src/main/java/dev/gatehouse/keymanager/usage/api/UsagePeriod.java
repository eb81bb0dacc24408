package dev.gatehouse.keymanager.usage.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The time a usage report covers, [from, to), and the buckets it is shown in. */
public record UsagePeriod(Instant from, Instant to, Granularity granularity) {

    /** The longest period shown in minutes: minute buckets are kept 48 hours. */
    public static final Duration MAX_MINUTES = Duration.ofHours(48);
    public static final Duration MAX_PERIOD = Duration.ofDays(90);

    /** The request parameters, as the REST endpoints document them. */
    public static final String PARAMETERS = "from and to are ISO-8601 instants (default: the last hour); granularity"
            + " is minute (at most 48 hours) or hour (default: minutes up to 6 hours, hours beyond). The gateway's"
            + " nodes write usage every few seconds (gatehouse.usage.flush-interval).";

    public UsagePeriod {
        if (!from.isBefore(to)) {
            throw new UsagePeriodInvalid("from must be before to.");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new UsagePeriodInvalid("A report covers at most 90 days.");
        }
        if (granularity == Granularity.MINUTE && Duration.between(from, to).compareTo(MAX_MINUTES) > 0) {
            throw new UsagePeriodInvalid("Minutes are shown for at most 48 hours; ask for granularity=hour.");
        }
    }

    /**
     * From request parameters, each optional: {@code to} defaults to now, {@code from} to an hour before it, and
     * the granularity to minutes for up to 6 hours, hours beyond.
     */
    public static UsagePeriod of(String from, String to, String granularity, Instant now) {
        Instant end = blank(to) ? now : instant("to", to);
        Instant start = blank(from) ? end.minus(Duration.ofHours(1)) : instant("from", from);
        Granularity buckets;
        if (blank(granularity)) {
            buckets = Duration.between(start, end).compareTo(Duration.ofHours(6)) <= 0 ? Granularity.MINUTE
                    : Granularity.HOUR;
        } else {
            buckets = switch (granularity.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "minute" -> Granularity.MINUTE;
                case "hour" -> Granularity.HOUR;
                default -> throw new UsagePeriodInvalid("granularity is minute or hour.");
            };
        }
        return new UsagePeriod(start, end, buckets);
    }

    /** The last stretch of time before now, in the buckets that suit it. */
    public static UsagePeriod last(Duration length, Instant now) {
        return of(now.minus(length).toString(), now.toString(), null, now);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UsagePeriodInvalid(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }
}
