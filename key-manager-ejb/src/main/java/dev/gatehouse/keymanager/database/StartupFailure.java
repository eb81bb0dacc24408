package dev.gatehouse.keymanager.database;

import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What to do when Gatehouse cannot start. On a shared application server (Payara Server, WildFly) the deployment
 * fails and the server reports it. When Gatehouse is the whole process (the Payara Micro run shape sets
 * {@code gatehouse.startup.exit-on-failure=true}), a server left running without its applications helps nobody:
 * the process ends with the one line that says what is wrong, instead of the server's own stack traces.
 */
final class StartupFailure {

    static final String EXIT_ON_FAILURE = "gatehouse.startup.exit-on-failure";
    private static final int EXIT_CODE = 3;
    private static final System.Logger LOG = System.getLogger(StartupFailure.class.getName());

    private StartupFailure() {
    }

    static IllegalStateException fail(String line) {
        LOG.log(Level.ERROR, line);
        exitIfConfigured(line);
        return new IllegalStateException(line, null);
    }

    static void exitIfConfigured(String line) {
        boolean exit = ConfigProvider.getConfig(StartupFailure.class.getClassLoader())
                .getOptionalValue(EXIT_ON_FAILURE, Boolean.class).orElse(false);
        if (exit) {
            System.err.println(line);
            System.err.flush();
            // halt, not exit: the server's shutdown hooks would wait for the very deployment that is failing
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
