package dev.gatehouse.runtime.gateway;

import jakarta.enterprise.inject.Instance;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link GatewayMetrics.Recorder} on the server's MicroProfile Metrics registry. Deliberately not a CDI bean, and
 * touched only after {@link #apiPresent()}: on a server without MicroProfile Metrics (WildFly 39) this class cannot
 * be linked.
 */
final class MicroProfileMetrics implements GatewayMetrics.Recorder {

    private static final System.Logger LOG = System.getLogger(MicroProfileMetrics.class.getName());
    private static final String REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";

    private final MetricRegistry registry;

    private MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    static boolean apiPresent() {
        try {
            Class.forName(REGISTRY, false, MicroProfileMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The application registry, looked up the way {@code @Inject MetricRegistry} would find it. */
    static GatewayMetrics.Recorder from(Instance<Object> beans) {
        try {
            Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
            if (registries.isResolvable()) {
                return new MicroProfileMetrics(registries.get());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.DEBUG, "No MicroProfile Metrics registry", e);
        }
        return GatewayMetrics.Recorder.NONE;
    }

    @Override
    public void count(String name, String... tags) {
        registry.counter(name, tags(tags)).inc();
    }

    @Override
    public void time(String name, Duration duration, String... tags) {
        registry.timer(name, tags(tags)).update(duration);
    }

    private static Tag[] tags(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
