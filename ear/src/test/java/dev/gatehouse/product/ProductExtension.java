package dev.gatehouse.product;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands end-to-end tests one running Gatehouse, started once per test JVM and stopped when the JVM's tests end,
 * whatever order the test classes run in; and a browser on it for each test that asks, quit when the test ends.
 */
public class ProductExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningProduct.class || type == PortalBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningProduct product = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(RunningProduct.start()), Shared.class)
                .product();
        if (parameter.getParameter().getType() == RunningProduct.class) {
            return product;
        }
        // in the test's own store: its @BeforeEach and @Test methods share the browser, and JUnit closes it (an
        // AutoCloseable) when the test ends, after its @AfterEach methods; screenshots in the directory itself
        return context.getStore(ExtensionContext.Namespace.create(PortalBrowser.class))
                .getOrComputeIfAbsent(PortalBrowser.class, key -> new PortalBrowser(product, ""), PortalBrowser.class);
    }

    /** Closed by JUnit when the root context ends. */
    private record Shared(RunningProduct product) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            product.close();
        }
    }
}
