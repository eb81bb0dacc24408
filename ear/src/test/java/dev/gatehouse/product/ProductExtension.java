package dev.gatehouse.product;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands end-to-end tests one running Gatehouse, started once per test JVM and stopped when the JVM's tests end,
 * whatever order the test classes run in.
 */
public class ProductExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningProduct.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(RunningProduct.start()), Shared.class)
                .product();
    }

    /** Closed by JUnit when the root context ends. */
    private record Shared(RunningProduct product) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            product.close();
        }
    }
}
