package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Starting, stopping and restarting the product, and refusing to start against a database it cannot use. */
class ProductLifecycleIT {

    private static final Pattern APPLIED = Pattern.compile("GH-DB-100 Database \\S+ at schema version (\\S+) \\((\\d+) migration");

    @Test
    void dataSurvivesARestartAndTheSecondStartMigratesNothing() throws Exception {
        Path data;
        try (RunningProduct first = RunningProduct.start()) {
            data = first.dataDirectory();
            assertTrue(APPLIED.matcher(first.log()).results().anyMatch(m -> !m.group(2).equals("0")),
                    "the first start migrates the empty database");
        }

        try (RunningProduct second = RunningProduct.start(data)) {
            var starts = APPLIED.matcher(second.log()).results().toList();
            assertEquals(2, starts.size(), "both applications report the schema");
            assertTrue(starts.stream().allMatch(m -> m.group(2).equals("0")), "nothing left to apply on restart");
        }
    }

    @Test
    void stopsCleanlyOnSigterm() throws Exception {
        RunningProduct product = RunningProduct.start();

        product.close();

        assertFalse(product.isRunning());
        // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (Payara's orderly stop); a kill would be 137.
        // Payara's own "STOPPED" line races the logging system's shutdown, so it is no evidence either way.
        assertEquals(143, product.exitCode(), "an orderly shutdown, not a kill");
    }

    @Test
    void anUnreachableDatabaseStopsTheProductWithOneClearLine() throws Exception {
        Path data = Path.of(System.getProperty("gatehouse.test.data"), UUID.randomUUID().toString());
        RunningProduct product = RunningProduct.launch(data,
                Map.of("GATEHOUSE_DB_URL", "jdbc:postgresql://127.0.0.1:1/gatehouse"));

        int exit = product.awaitExit(Duration.ofSeconds(150));

        assertEquals(3, exit);
        String log = product.log();
        assertTrue(log.lines().anyMatch(line -> line.startsWith("GH-DB-001 Cannot use the database at"
                + " jdbc:postgresql://127.0.0.1:1/gatehouse") && line.contains("GATEHOUSE_DB_URL")), log);
        assertFalse(log.lines().anyMatch(line -> line.strip().startsWith("at ")), "no stack trace:\n" + log);
    }
}
