package dev.gatehouse.keymanager.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The product's own persistence unit on a test database, outside the server: the real entities and queries,
 * with resource-local transactions standing in for the container's.
 */
public final class TestPersistence implements AutoCloseable {

    private final EntityManagerFactory factory;

    private TestPersistence(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** A migrated database of the given kind with the persistence unit on it. */
    public static TestPersistence on(TestDatabase kind) {
        DataSource dataSource = kind.create();
        SchemaMigration.flyway(dataSource).migrate();
        return new TestPersistence(Persistence.createEntityManagerFactory("gatehouse", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "jakarta.persistence.validation.mode", "NONE",
                "eclipselink.logging.level", "WARNING")));
    }

    /** Runs the work in one transaction, committed if it returns and rolled back if it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void inTransactionDo(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        factory.close();
    }
}
