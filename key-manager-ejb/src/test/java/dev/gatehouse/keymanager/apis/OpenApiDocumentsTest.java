package dev.gatehouse.keymanager.apis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.apis.api.InvalidApi;
import dev.gatehouse.keymanager.apis.api.MockResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import dev.gatehouse.keymanager.apis.OpenApiDocuments.Operation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {

    private static final String AUTHORIZE = "http://localhost:8080/oauth2/authorize";
    private static final String TOKEN = "http://localhost:8080/oauth2/token";

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
        String json = OpenApiDocuments.forTryIt(sample("weather.yaml"), "http://localhost:8080/api/weather/2.0.0",
                AUTHORIZE, TOKEN);

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

        String json = OpenApiDocuments.forTryIt(document, "http://localhost:8080/api/ledger/1.0.0", AUTHORIZE, TOKEN);

        assertTrue(json.contains("\"servers\":[{\"url\":\"http://localhost:8080/api/ledger/1.0.0\"}]"), json);
        assertFalse(json.contains("collector.example"), json);
        assertEquals(2, OpenApiDocuments.parse(json).operations().size());
    }

    @Test
    void theTryItVersionSignsInWithGatehouseAndAsksForTheScopesTheGatewayRequires() {
        String document = """
                openapi: 3.0.3
                info: {title: Ledger, version: 1.0.0}
                security: [{publisherKey: []}]
                components:
                  securitySchemes:
                    publisherKey: {type: apiKey, in: header, name: X-Key}
                    publisherOAuth:
                      type: oauth2
                      flows: {implicit: {authorizationUrl: 'https://collector.example/authorize', scopes: {}}}
                paths:
                  /balance:
                    get:
                      responses: {'200': {description: the balance}}
                    post:
                      security: [{publisherOAuth: [ledger:write]}, {publisherKey: [ledger:audit]}]
                      responses: {'200': {description: posted}}
                  /open:
                    get:
                      security: []
                      responses: {'200': {description: open}}
                """;

        String json = OpenApiDocuments.forTryIt(document, "http://localhost:8080/api/ledger/1.0.0", AUTHORIZE, TOKEN);

        OpenAPI tryIt = new OpenAPIV3Parser().readContents(json).getOpenAPI();
        assertEquals(Set.of("gatehouse"), tryIt.getComponents().getSecuritySchemes().keySet());
        var flow = tryIt.getComponents().getSecuritySchemes().get("gatehouse").getFlows().getAuthorizationCode();
        assertEquals(AUTHORIZE, flow.getAuthorizationUrl());
        assertEquals(TOKEN, flow.getTokenUrl());
        assertEquals(Set.of("ledger:write", "ledger:audit"), flow.getScopes().keySet());
        assertEquals(List.of(new SecurityRequirement().addList("gatehouse", List.of())), tryIt.getSecurity());
        assertEquals(List.of(new SecurityRequirement().addList("gatehouse", List.of("ledger:write", "ledger:audit"))),
                tryIt.getPaths().get("/balance").getPost().getSecurity());
        assertEquals(List.of(new SecurityRequirement().addList("gatehouse", List.of())),
                tryIt.getPaths().get("/open").getGet().getSecurity(), "the gateway wants a token for every operation");
        assertFalse(json.contains("collector.example"), json);
        assertEquals(OpenApiDocuments.parse(document).operations().stream().map(Operation::scopes).toList(),
                OpenApiDocuments.parse(json).operations().stream().map(Operation::scopes).toList(),
                "the console asks for what the gateway will require");
    }

    /** "Billion laughs": nine levels of aliases, each nine of the one below, expand to 9^9 strings. */
    private static String laughs() {
        StringBuilder document = new StringBuilder("openapi: 3.0.3\ninfo: {title: Laughs, version: '1'}\n");
        document.append("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String below = "*l" + (level - 1);
            document.append("x-l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, below))).append("]\n");
        }
        return document.append("paths:\n  /x: {get: {responses: {'200': {description: ok}}}}\n").toString();
    }

    @Test
    void aDocumentOfManyAliasesIsRefusedAsInvalid() {
        InvalidApi refused = assertThrows(InvalidApi.class, () -> OpenApiDocuments.parse(laughs()));

        assertTrue(refused.getMessage().contains("alias"), refused.getMessage());
    }

    @Test
    void aDocumentNestedTooDeepIsRefusedAsInvalid() {
        String deep = "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\nx-deep: " + "[".repeat(5000)
                + "]".repeat(5000) + "\npaths:\n  /x: {get: {responses: {'200': {description: ok}}}}\n";

        assertThrows(InvalidApi.class, () -> OpenApiDocuments.parse(deep));
    }

    @Test
    void aFewAliasesAreStillFine() {
        String document = """
                openapi: 3.0.3
                info: {title: Aliases, version: '1'}
                x-common: &ok {'200': {description: ok}}
                paths:
                  /a: {get: {responses: *ok}}
                  /b: {get: {responses: *ok}}
                """;

        assertEquals(2, OpenApiDocuments.parse(document).operations().size());
    }

    /** Documentation tools group operations by tag: an untagged one lands in "default", a declared tag unused is empty. */
    @ParameterizedTest
    @ValueSource(strings = {"pizzashack.yaml", "weather.yaml"})
    void everySampleOperationIsTaggedWithADeclaredTagAndEveryTagIsUsed(String name) throws Exception {
        OpenAPI document = new OpenAPIV3Parser().readContents(sample(name)).getOpenAPI();
        Set<String> declared = document.getTags().stream().map(Tag::getName).collect(Collectors.toSet());
        Set<String> used = new java.util.HashSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertTrue(operation.getTags() != null && !operation.getTags().isEmpty(), method + " " + path + " has no tag");
            assertTrue(declared.containsAll(operation.getTags()), method + " " + path + " uses an undeclared tag");
            used.addAll(operation.getTags());
        }));
        assertEquals(declared, used, "a declared tag without operations is an empty group");
    }
}
