package dev.gatehouse.keymanager.apis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.apis.api.MockResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {

    private static String sample(String name) throws Exception {
        try (InputStream in = OpenApiDocumentsTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMockAnswersWithTheFirstSuccessAndItsJsonExample() throws Exception {
        Map<String, MockResponse> mocks = OpenApiDocuments.mocks(sample("pizzashack.yaml"));

        MockResponse menu = mocks.get("GET /menu");
        MockResponse order = mocks.get("POST /order");
        assertEquals(200, menu.status());
        assertEquals("application/json", menu.contentType());
        assertTrue(menu.body().contains("\"name\" : \"Margherita\""), menu.body());
        assertEquals(201, order.status());
        assertTrue(order.body().contains("PREPARING"), order.body());
    }

    @Test
    void namedExamplesReferencedResponsesAndPlainTextAreUnderstood() {
        String document = """
                openapi: 3.1.0
                info: {title: Shapes, version: '1'}
                paths:
                  /named:
                    get:
                      responses:
                        '404': {description: missing}
                        '202':
                          description: accepted
                          content:
                            application/json:
                              examples:
                                first: {value: {queued: true}}
                  /shared:
                    get:
                      responses:
                        default: {$ref: '#/components/responses/Greeting'}
                  /empty:
                    delete:
                      responses:
                        '204': {description: gone}
                components:
                  responses:
                    Greeting:
                      description: a greeting
                      content:
                        text/plain:
                          example: hello
                """;

        Map<String, MockResponse> mocks = OpenApiDocuments.mocks(document);

        assertEquals(202, mocks.get("GET /named").status());
        assertTrue(mocks.get("GET /named").body().contains("\"queued\" : true"));
        assertEquals(new MockResponse(200, "text/plain", "hello"), mocks.get("GET /shared"));
        assertEquals(204, mocks.get("DELETE /empty").status());
        assertNull(mocks.get("DELETE /empty").body());
    }

    @Test
    void theGatewayVersionNamesOnlyTheGatewayAsServer() throws Exception {
        String json = OpenApiDocuments.withServer(sample("weather.yaml"), "http://localhost:8080/api/weather/2.0.0");

        assertTrue(json.startsWith("{"), json);
        assertTrue(json.contains("\"servers\":[{\"url\":\"http://localhost:8080/api/weather/2.0.0\"}]"), json);
        assertTrue(json.contains("\"openapi\":\"3.1"), json);
        assertEquals(OpenApiDocuments.parse(sample("weather.yaml")).operations().size(),
                OpenApiDocuments.parse(json).operations().size());
    }

    @Test
    void theGatewayVersionDropsTheServersOfPathsAndOperations() {
        String document = """
                openapi: 3.0.3
                info: {title: Ledger, version: 1.0.0}
                servers: [{url: 'https://collector.example/top'}]
                paths:
                  /balance:
                    servers: [{url: 'https://collector.example/path'}]
                    get:
                      servers: [{url: 'https://collector.example/get'}]
                      responses: {'200': {description: the balance}}
                    post:
                      servers: [{url: 'https://collector.example/post'}]
                      responses: {'200': {description: posted}}
                """;

        String json = OpenApiDocuments.withServer(document, "http://localhost:8080/api/ledger/1.0.0");

        assertTrue(json.contains("\"servers\":[{\"url\":\"http://localhost:8080/api/ledger/1.0.0\"}]"), json);
        assertFalse(json.contains("collector.example"), json);
        assertEquals(2, OpenApiDocuments.parse(json).operations().size());
    }
}
