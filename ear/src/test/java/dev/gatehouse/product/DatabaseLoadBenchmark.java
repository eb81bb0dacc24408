package dev.gatehouse.product;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * What the nodes cost the PostgreSQL they share (part of mvn -Pbench verify): statements, transactions and rows
 * written per second by one node idle, by one node under load, and by two nodes idle; beside how many indexed
 * single-row statements this PostgreSQL executes per second on this machine, which says how many nodes one
 * database carries. It prints; it asserts nothing.
 */
@DisabledIfSystemProperty(named = "bench.soak", matches = ".+", disabledReason = "a soak measures something else")
class DatabaseLoadBenchmark {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final int CONNECTIONS = 4;

    /** Counters of the database over a window: pg_stat_statements for statements, pg_stat_database for the rest. */
    private record Counters(long statements, long transactions, long rowsWritten, long nanos) {

        Counters minus(Counters earlier) {
            return new Counters(statements - earlier.statements, transactions - earlier.transactions,
                    rowsWritten - earlier.rowsWritten, nanos - earlier.nanos);
        }

        double statementsPerSecond() {
            return statements / (nanos / 1e9);
        }

        @Override
        public String toString() {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "%7.1f statements/s  %6.1f transactions/s  %6.1f rows written/s",
                    statements / seconds, transactions / seconds, rowsWritten / seconds);
        }
    }

    private double idleNode;
    private double busyNode;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start()) {
            DataSource database = postgres.getPostgresDatabase();
            String version;
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                version = connection.getMetaData().getDatabaseProductVersion();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            int firstPort = RunningProduct.freePort();
            Map<String, String> cluster = Map.of(
                    "GATEHOUSE_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "GATEHOUSE_DB_USER", "postgres", "GATEHOUSE_DB_PASSWORD", "postgres",
                    "GATEHOUSE_KEYS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key),
                    "GATEHOUSE_OAUTH_ISSUER", "http://localhost:" + firstPort);
            Path data = Path.of(System.getProperty("gatehouse.test.data"));
            report.append(String.format(Locale.ROOT, "%nDatabase load of Gatehouse nodes on one PostgreSQL %s (%d"
                    + " cores shared by everything; %d s per figure)%n", version,
                    Runtime.getRuntime().availableProcessors(), WINDOW.toSeconds()));
            try (RunningProduct first = RunningProduct.launch(data.resolve(UUID.randomUUID().toString()), firstPort,
                    own(cluster, firstPort))) {
                first.awaitReady();
                Thread.sleep(SETTLE.toMillis());
                Counters idle = window(database, () -> Thread.sleep(WINDOW.toMillis()));
                idleNode = idle.statementsPerSecond();
                report.append("  one node, idle        ").append(idle).append('\n');
                String basic = BenchClient.clientBasic(BenchClient.subscribedClient(first));
                AtomicLong answers = new AtomicLong();
                Counters busy = window(database, () -> load(first, basic, answers));
                busyNode = busy.statementsPerSecond();
                report.append("  one node, under load  ").append(busy).append(String.format(Locale.ROOT,
                        "%n                        (%d connections asking for tokens and %d calling the gateway:"
                                + " %.0f answers/s)%n", CONNECTIONS, CONNECTIONS, answers.get() / (busy.nanos() / 1e9)));
                int secondPort = RunningProduct.freePort();
                try (RunningProduct second = RunningProduct.launch(data.resolve(UUID.randomUUID().toString()),
                        secondPort, own(cluster, secondPort))) {
                    second.awaitReady();
                    Thread.sleep(SETTLE.toMillis());
                    Counters two = window(database, () -> Thread.sleep(WINDOW.toMillis()));
                    report.append("  two nodes, idle       ").append(two).append('\n');
                }
            }
            double capacity = capacity(database);
            report.append(String.format(Locale.ROOT, "  this PostgreSQL: %.0f indexed single-row reads and updates/s"
                    + " (8 connections)%n  => with half of that for the nodes, one such PostgreSQL carries about %.0f"
                    + " idle nodes, or %.0f nodes each under the load above%n", capacity,
                    capacity / 2 / idleNode, capacity / 2 / busyNode));
        } finally {
            System.out.println(report);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Counters window(DataSource database, Work work) throws Exception {
        Counters before = counters(database);
        work.run();
        return counters(database).minus(before);
    }

    private static Counters counters(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // the statistics of other backends reach the shared counters within a second or so of their work
            try (ResultSet row = statement.executeQuery("SELECT"
                    + " (SELECT COALESCE(SUM(s.calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid ="
                    + " s.dbid WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat%'),"
                    + " xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted"
                    + " FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                return new Counters(row.getLong(1), row.getLong(2), row.getLong(3), System.nanoTime());
            }
        }
    }

    /** Tokens and gateway calls on the node for one window, over HTTP/1.1 keep-alive connections. */
    private static void load(RunningProduct node, String basic, AtomicLong answers) throws Exception {
        String token = BenchClient.token(node, basic);
        HttpRequest tokenRequest = HttpRequest.newBuilder(node.uri("oauth2/token")).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpRequest call = HttpRequest.newBuilder(node.uri("api/pizzashack/1.0.0/menu"))
                .header("Authorization", "Bearer " + token).build();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2 * CONNECTIONS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * CONNECTIONS; i++) {
                HttpRequest request = i % 2 == 0 ? tokenRequest : call;
                workers.add(clients.submit(() -> {
                    while (running.get()) {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            answers.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(WINDOW.toMillis());
        } finally {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            clients.shutdown();
        }
    }

    /** Statements like the nodes' own (an indexed row read or updated, autocommit) on 8 connections for 10 s. */
    private static double capacity(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_rows (id INT PRIMARY KEY, n BIGINT NOT NULL)");
            statement.execute("INSERT INTO bench_rows SELECT g, 0 FROM generate_series(1, 1000) g");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong statements = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            workers.add(clients.submit(() -> {
                try (Connection connection = database.getConnection();
                        PreparedStatement read = connection.prepareStatement("SELECT n FROM bench_rows WHERE id = ?");
                        PreparedStatement update = connection.prepareStatement(
                                "UPDATE bench_rows SET n = n + 1 WHERE id = ?")) {
                    for (long done = 0; running.get(); done++) {
                        PreparedStatement next = done % 2 == 0 ? read : update;
                        next.setInt(1, ThreadLocalRandom.current().nextInt(1, 1001));
                        next.execute();
                        statements.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(10_000);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        clients.shutdown();
        return statements.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static Map<String, String> own(Map<String, String> cluster, int port) {
        Map<String, String> environment = new HashMap<>(cluster);
        environment.put("GATEHOUSE_GATEWAY_JWKS_URL", "http://localhost:" + port + "/oauth2/jwks");
        return environment;
    }
}
