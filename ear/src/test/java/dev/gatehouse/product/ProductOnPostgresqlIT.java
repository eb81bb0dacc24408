package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Configuration alone (GATEHOUSE_DB_*) moves the product onto a real PostgreSQL; the driver ships with it. */
class ProductOnPostgresqlIT {

    @Test
    void runsOnPostgresqlWithOnlyTheDatabaseSettingsChanged() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            Path data = Path.of(System.getProperty("gatehouse.test.data"), UUID.randomUUID().toString());
            RunningProduct product = RunningProduct.launch(data,
                    Map.of("GATEHOUSE_DB_URL", url, "GATEHOUSE_DB_USER", "postgres", "GATEHOUSE_DB_PASSWORD", "postgres"));
            try (product) {
                product.awaitReady();

                var ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(product.uri("health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(product.log().contains("GH-DB-100 Database jdbc:postgresql://localhost:" + postgres.getPort()),
                        "the product says which database it uses");
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet plans = statement.executeQuery("SELECT COUNT(*) FROM plans")) {
                plans.next();
                assertEquals(4, plans.getInt(1), "the schema and its seed are in PostgreSQL");
            }
        }
    }
}
