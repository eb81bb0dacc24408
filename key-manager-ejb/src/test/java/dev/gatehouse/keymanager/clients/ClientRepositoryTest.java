package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.secrets.SecretValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The clients' mapping and queries on both databases, with the rows an application owns around them. */
class ClientRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysAndSecretsRoundTrip(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            UUID application = persistence.inTransaction(em -> {
                UUID owner = UUID.randomUUID();
                UUID app = UUID.randomUUID();
                em.createNativeQuery("INSERT INTO accounts (id, username, username_key, email, email_key, display_name,"
                        + " password_hash, created_at) VALUES (?1, 'o', 'o', 'o@x', 'o@x', 'O', 'x', CURRENT_TIMESTAMP)")
                        .setParameter(1, owner).executeUpdate();
                em.createNativeQuery("INSERT INTO applications (id, owner_id, name, name_key, created_at, updated_at)"
                        + " VALUES (?1, ?2, 'A', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .setParameter(1, app).setParameter(2, owner).executeUpdate();
                return app;
            });
            String hash = SecretValues.hash("s3cret");

            persistence.inTransactionDo(em -> {
                ClientRepository clients = ClientTesting.repository(em);
                OAuthClient client = new OAuthClient(application, Environment.SANDBOX, "client-" + kind);
                clients.add(client);
                clients.add(new ClientSecret(client.id(), "default", hash, null));
            });

            persistence.inTransactionDo(em -> {
                ClientRepository clients = ClientTesting.repository(em);
                OAuthClient client = clients.byClientId("client-" + kind).orElseThrow();
                assertEquals(Environment.SANDBOX, client.environment());
                assertEquals(Set.of("client_credentials"), client.configuration().grantTypes());
                assertTrue(clients.find(application, Environment.SANDBOX).isPresent());
                assertFalse(clients.find(application, Environment.PRODUCTION).isPresent());
                var secrets = clients.secrets(client);
                assertEquals(1, secrets.size());
                assertTrue(SecretValues.sameHash(hash, secrets.get(0).secretHash()));
                assertTrue(secrets.get(0).isActive(Instant.now()));
                assertTrue(clients.isApplicationActive(application));
                assertEquals(Set.of(), clients.allowedScopes(application));
            });
        }
    }
}
