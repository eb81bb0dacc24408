package dev.gatehouse.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Gatehouse started the way the run command starts it: Payara Micro with the two built WARs, api-runtime at
 * {@code /} and the portal at {@code /devportal}, on a free port, with its own H2 data directory.
 */
public final class RunningProduct implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240); // generous: CI machines may be busy
    /** {@code -Dbench.heap=512m}: the server's -Xmx, for the benchmark's memory figures; the JVM's default otherwise. */
    static final String HEAP = System.getProperty("bench.heap");

    private final Process process;
    private final URI base;
    private final Path log;
    private final Path dataDirectory;
    private final Duration startup;
    private final Instant launched = Instant.now();
    private int portalWhenReady = -1;

    private RunningProduct(Process process, URI base, Path log, Path dataDirectory, Duration startup) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.dataDirectory = dataDirectory;
        this.startup = startup;
    }

    /** Starts the product on a fresh data directory. */
    public static RunningProduct start() {
        return start(targetDirectory().resolve("e2e-data").resolve(UUID.randomUUID().toString()));
    }

    /** Starts the product on the given data directory (an existing one, to test a restart). */
    public static RunningProduct start(Path dataDirectory) {
        return start(dataDirectory, Map.of());
    }

    /** Starts the product on a fresh data directory with extra environment variables, and waits until ready. */
    public static RunningProduct start(Map<String, String> extraEnvironment) {
        return start(targetDirectory().resolve("e2e-data").resolve(UUID.randomUUID().toString()), extraEnvironment);
    }

    /** Starts the product on a fresh data directory with a bounded heap ({@code -Xmx}), and waits until ready. */
    public static RunningProduct start(Map<String, String> extraEnvironment, String heap) {
        return start(targetDirectory().resolve("e2e-data").resolve(UUID.randomUUID().toString()), freePort(),
                extraEnvironment, heap);
    }

    private static RunningProduct start(Path dataDirectory, Map<String, String> extraEnvironment) {
        return start(dataDirectory, freePort(), extraEnvironment, HEAP);
    }

    private static RunningProduct start(Path dataDirectory, int port, Map<String, String> extraEnvironment,
            String heap) {
        RunningProduct product = launch(dataDirectory, port, extraEnvironment, heap);
        product.awaitReady();
        RunningProduct started = new RunningProduct(product.process, product.base, product.log, dataDirectory,
                Duration.between(product.launched, Instant.now()));
        started.portalWhenReady = product.portalWhenReady;
        return started;
    }

    /** Starts the process with extra environment variables, without waiting for it to become ready. */
    public static RunningProduct launch(Path dataDirectory, Map<String, String> extraEnvironment) {
        return launch(dataDirectory, freePort(), extraEnvironment);
    }

    /** Starts the process on the given HTTP port, without waiting for it to become ready. */
    public static RunningProduct launch(Path dataDirectory, int port, Map<String, String> extraEnvironment) {
        return launch(dataDirectory, port, extraEnvironment, HEAP);
    }

    private static RunningProduct launch(Path dataDirectory, int port, Map<String, String> extraEnvironment,
            String heap) {
        Path log = targetDirectory().resolve("e2e-logs").resolve("payara-micro-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgatehouse.startup.exit-on-failure=true",
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                "-jar", property("payara.microJar"),
                "--nohazelcast",
                "--port", Integer.toString(port),
                "--deploy", property("gatehouse.apiRuntimeWar") + ":/",
                "--deploy", property("gatehouse.portalWar") + ":/devportal"));
        if (heap != null) {
            command.add(1, "-Xmx" + heap);
        }
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(dataDirectory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
            environment.put("GATEHOUSE_DATA", dataDirectory.toString());
            // tokens name the issuer that discovery clients reach: this instance
            environment.put("GATEHOUSE_OAUTH_ISSUER", "http://localhost:" + port);
            // the browser tests play a TLS-terminating proxy on loopback (X-Forwarded-Proto); Chromium reaches
            // localhost over IPv6 when it can
            environment.put("GATEHOUSE_HTTP_TRUSTED_PROXIES", "127.0.0.1,::1");
            environment.putAll(extraEnvironment);
            return new RunningProduct(builder.start(), URI.create("http://localhost:" + port + "/"), log,
                    dataDirectory, Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public long pid() {
        return process.pid();
    }

    /** The server process's resident memory now, from /proc (Linux), or -1 where that cannot be read. */
    public long residentBytes() {
        return residentBytes(process.pid());
    }

    /** A process's resident memory (VmRSS), or -1 where that cannot be read. */
    public static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** From process start until both applications answered. */
    public Duration startup() {
        return startup;
    }

    /** What {@code /devportal/} answered right after {@code /health/ready} first answered 200 (-1: no answer). */
    public int portalStatusWhenFirstReady() {
        return portalWhenReady;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; log " + log
                        + ":\n" + tail());
            }
            // A fresh HTTP/1.1 client each round: a connection opened while Payara was still booting (or an h2c
            // upgrade) must not be reused for every later probe.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            int health = status(http, "health/ready");
            int portal = status(http, "devportal/");
            if (health == 200 && portalWhenReady == -1) {
                portalWhenReady = portal;
            }
            boolean booted = log().contains(") ready in ");
            // the applications answer a little before Payara Micro finishes booting (and installs its shutdown hook)
            if (health == 200 && portal == 200 && booted) {
                return;
            }
            last = "health/ready " + health + ", devportal/ " + portal + ", boot " + (booted ? "done" : "going on");
            sleep();
        }
        close();
        throw new IllegalStateException("Gatehouse was not ready within " + STARTUP_LIMIT + " (last probe: " + last
                + "); log " + log + ":\n" + tail());
    }

    private int status(HttpClient http, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail() {
        String text = log();
        return text.substring(Math.max(0, text.length() - 6000));
    }

    /** Stops it as Ctrl-C or a service manager would (SIGTERM), and waits for a clean exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once, as a crash or a power cut would: no shutdown hooks, no orderly stop. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The exit code of a process that has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("Still running after " + limit + "; log " + log + ":\n" + tail());
        }
        return process.exitValue();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("System property " + name + " must name a built file (is " + value
                    + "); run the end-to-end ring through Maven: mvn verify");
        }
        return value;
    }

    private static Path targetDirectory() {
        return Path.of(property("gatehouse.archive")).getParent();
    }
}
