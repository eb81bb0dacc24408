package dev.gatehouse.runtime.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is "retry shortly" (503), in the answer format of the endpoint. */
class UnexpectedProblemMapperTest {

    private static UriInfo at(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (self, method, arguments) -> method.getName().equals("getPath") ? path : null);
    }

    private static EJBException down() {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException("refused"))));
    }

    @Test
    void anUnreachableDatabaseIsA503ProblemWithRetryAfter() {
        var answer = UnexpectedProblemMapper.answer(down(), at("developer/v1/applications"));

        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals("urn:gatehouse:problem:database_unavailable", ((JsonObject) answer.getEntity()).getString("type"));
    }

    @Test
    void onTheOAuthEndpointsItIsTheOAuthError() {
        var answer = UnexpectedProblemMapper.answer(down(), at("oauth2/token"));

        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals("temporarily_unavailable", ((JsonObject) answer.getEntity()).getString("error"));
    }

    @Test
    void anyOtherFailureStaysA500WithAnIncident() {
        var answer = UnexpectedProblemMapper.answer(new EJBException(new IllegalStateException("bug")),
                at("developer/v1/applications"));

        assertEquals(500, answer.getStatus());
    }
}
