package dev.gatehouse.runtime.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's MicroProfile JWT logs every token it cannot parse at INFO with the whole stack trace (about 50 lines),
 * so anyone could fill the log by sending garbage bearer tokens. Those loggers are raised to WARNING unless the
 * operator has set their level. The caller still learns why its token was refused ({@link TokenRefusedServlet}).
 */
@ApplicationScoped
class QuietTokenRefusals {

    /** The container's loggers that write a stack trace for a refused token. */
    static final List<String> NOISY = List.of("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    // the LogManager holds loggers weakly: a collected logger would come back without its level
    private static final List<Logger> QUIETED = NOISY.stream().map(Logger::getLogger).toList();

    void quiet(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        for (Logger logger : QUIETED) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }
}
