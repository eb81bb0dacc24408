package dev.gatehouse.keymanager.signingkeys;

import dev.gatehouse.keymanager.database.TestPersistence;
import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A stand-in for the container's transaction-scoped EntityManager: beans are wired once with {@link #entityManager()}
 * (as they keep state between transactions, like the signing keys' snapshot), and each {@link #inTransaction} binds
 * the real EntityManager of that transaction on the calling thread.
 */
public final class ScopedEntityManager {

    private final TestPersistence persistence;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final EntityManager proxy;

    public ScopedEntityManager(TestPersistence persistence) {
        this.persistence = persistence;
        this.proxy = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (self, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> self == arguments[0];
                            case "hashCode" -> System.identityHashCode(self);
                            default -> "ScopedEntityManager";
                        };
                    }
                    EntityManager em = current.get();
                    if (em == null) {
                        throw new IllegalStateException("No transaction: call the bean inside inTransaction");
                    }
                    try {
                        return method.invoke(em, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public EntityManager entityManager() {
        return proxy;
    }

    /** One transaction, committed if the work returns and rolled back if it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        return persistence.inTransaction(em -> {
            EntityManager outer = current.get();
            current.set(em);
            try {
                return work.get();
            } finally {
                current.set(outer);
            }
        });
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
