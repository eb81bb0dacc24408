package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static RouteOperation operation(String method, String path) {
        return new RouteOperation(method, path, Set.of(), null);
    }

    private final Route route = new Route(new ApiRoute(UUID.randomUUID(), "Orders", "orders", "1.0.0",
            Lifecycle.PUBLISHED, "MOCK", null, null, false, List.of(
                    operation("GET", "/orders/{id}"),
                    operation("GET", "/orders/latest"),
                    operation("DELETE", "/orders/{id}"),
                    operation("POST", "/orders"),
                    operation("GET", "/files/{name}.json"),
                    operation("GET", "/"))));

    private String matched(String method, String path) {
        return route.match(method, path).operation().map(o -> o.method() + " " + o.pathTemplate()).orElse("none");
    }

    @Test
    void aConcretePathWinsOverATemplate() {
        assertEquals("GET /orders/latest", matched("GET", "/orders/latest"));
        assertEquals("GET /orders/{id}", matched("GET", "/orders/42"));
    }

    @Test
    void aParameterIsOneSegmentAndLiteralsAreNotPatterns() {
        assertEquals("none", matched("GET", "/orders/42/items"));
        assertEquals("GET /files/{name}.json", matched("GET", "/files/report.json"));
        assertEquals("none", matched("GET", "/files/reportXjson"));
    }

    @Test
    void theRootAndATrailingSlashMatch() {
        assertEquals("GET /", matched("GET", ""));
        assertEquals("POST /orders", matched("POST", "/orders/"));
    }

    @Test
    void aKnownPathWithAnotherMethodListsTheAllowedOnes() {
        Route.Match match = route.match("PUT", "/orders/7");

        assertTrue(match.operation().isEmpty());
        assertEquals(Set.of("GET", "DELETE"), match.allowedMethods());
        assertTrue(route.match("GET", "/nothing").allowedMethods().isEmpty());
    }

    @Test
    void onlyPathsEveryBackendReadsAlikeArePlain() {
        for (String plain : List.of("", "/", "/orders/42", "/orders/42/", "/files/a%20b.json", "/orders/4%32",
                "/orders/..a", "/orders/a..", "/orders/.well-known", "/orders/a+b")) {
            assertTrue(Route.isPlainPath(plain), plain);
        }
        for (String crooked : List.of("/orders/..%2Fmenu", "/orders/..%2fmenu", "/orders/%2e%2e", "/orders/%2E%2E/x",
                "/orders/.%2e", "/orders/%2e", "/orders/a%5Cb", "/orders/a%5c..", "/orders/a%00", "/orders/a%0d%0aX",
                "/orders/../menu", "/orders/./42", "/orders/..", "/orders//x", "//orders", "/orders/..;x/menu",
                "/orders/%zz", "/orders/a\\b", "orders")) {
            assertFalse(Route.isPlainPath(crooked), crooked);
        }
    }
}
