package dev.gatehouse.portal.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.OperationView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationSubscriptionsTest {

    private static ApiView api(OperationView... operations) {
        return new ApiView(UUID.randomUUID(), "API", "api", "1", null, Set.of(), Lifecycle.PUBLISHED, "mock", null,
                null, false, List.of(), List.of(operations));
    }

    private static OperationView operation(String method, String path) {
        return new OperationView(method, path, null, Set.of());
    }

    @Test
    void theExampleCallIsAGetWithoutParametersWhenThereIsOne() {
        assertEquals(Optional.of(operation("GET", "/menu")), ApplicationSubscriptions.example(api(
                operation("POST", "/order"), operation("GET", "/order/{id}"), operation("GET", "/menu"))));
    }

    @Test
    void otherwiseTheFirstOperationAndNoneForAnApiWithoutOperations() {
        assertEquals(Optional.of(operation("GET", "/current/{city}")), ApplicationSubscriptions.example(api(
                operation("GET", "/current/{city}"), operation("GET", "/forecast/{city}"))));
        assertTrue(ApplicationSubscriptions.example(api()).isEmpty());
    }
}
