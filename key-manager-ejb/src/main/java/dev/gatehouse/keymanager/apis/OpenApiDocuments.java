package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.apis.api.InvalidApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.keymanager.apis.api.MockResponse;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads what the catalog needs from an OpenAPI 3.0 or 3.1 document, with swagger-parser. */
final class OpenApiDocuments {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** YAML aliases of a collection per document: a few for shared fragments, never a "billion laughs". */
    static final int MAX_YAML_ALIASES = 50;
    static final int MAX_YAML_DEPTH = 200;

    static {
        // swagger-parser's defaults let SnakeYAML expand any number of aliases (minutes of CPU for 1 kB of YAML);
        // these options are the parser's own, read on every YAML document it loads
        DeserializationUtils.Options yaml = DeserializationUtils.getOptions();
        yaml.setMaxYamlAliasesForCollections(MAX_YAML_ALIASES);
        yaml.setMaxYamlDepth(MAX_YAML_DEPTH);
        yaml.setMaxYamlCodePoints(MAX_BYTES);
        yaml.setYamlAllowRecursiveKeys(false);
        yaml.setValidateYamlInput(true);
    }

    record Operation(String method, String path, String operationId, Set<String> scopes) {
    }

    record Parsed(String name, String version, String description, Set<String> tags, List<Operation> operations) {
    }

    private OpenApiDocuments() {
    }

    static String operationKey(String method, String pathTemplate) {
        return method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
    }

    /**
     * The mock answer of each operation, by {@link #operationKey}. Read from a document that {@link #parse} accepted
     * on import, so it is not checked again.
     */
    static Map<String, MockResponse> mocks(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI openApi = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        Map<String, MockResponse> mocks = new HashMap<>();
        if (openApi != null && openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    mocks.put(operationKey(method.name(), path), mock(openApi, operation))));
        }
        return mocks;
    }

    /** The one security scheme of a document made for the try-it console. */
    static final String TRY_IT_SCHEME = "gatehouse";

    /**
     * The document as the portal's try-it console shows it, as JSON (OpenAPI 3.1 documents keep their 3.1 form):
     * <ul>
     *   <li>the gateway as its one server; servers named by a path or an operation go, as Swagger UI would call them,
     *   with the developer's token, instead of the gateway;</li>
     *   <li>Gatehouse's authorization-code flow as its one security scheme, required by every operation with the
     *   scopes the gateway requires of it (the union of its requirements, as {@link #parse} reads them): whatever
     *   schemes the publisher described, the gateway takes Gatehouse's tokens only.</li>
     * </ul>
     */
    static String forTryIt(String document, String gatewayUrl, String authorizationUrl, String tokenUrl) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI openApi = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        openApi.setServers(List.of(new Server().url(gatewayUrl)));
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(OpenApiDocuments::withoutServers);
        }
        if (openApi.getComponents() != null && openApi.getComponents().getPathItems() != null) {
            openApi.getComponents().getPathItems().values().forEach(OpenApiDocuments::withoutServers);
        }
        if (openApi.getWebhooks() != null) {
            openApi.getWebhooks().values().forEach(OpenApiDocuments::withoutServers);
        }
        withGatehouseSecurity(openApi, authorizationUrl, tokenUrl);
        try {
            return (openApi.getOpenapi().startsWith("3.1") ? Json31.mapper() : Json.mapper()).writeValueAsString(openApi);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An imported OpenAPI document could not be written as JSON", e);
        }
    }

    private static void withGatehouseSecurity(OpenAPI openApi, String authorizationUrl, String tokenUrl) {
        Scopes all = new Scopes();
        openApi.setSecurity(List.of(requirement(scopes(openApi.getSecurity()), all)));
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                    .filter(operation -> operation.getSecurity() != null)
                    .forEach(operation -> operation.setSecurity(List.of(requirement(scopes(operation.getSecurity()),
                            all)))));
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().setSecuritySchemes(Map.of(TRY_IT_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Gatehouse's OAuth2 authorization-code flow with PKCE, for the application chosen above.")
                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                        .authorizationUrl(authorizationUrl).tokenUrl(tokenUrl).scopes(all)))));
    }

    private static SecurityRequirement requirement(Set<String> scopes, Scopes all) {
        scopes.forEach(scope -> all.addString(scope, "Required by an operation of this API"));
        return new SecurityRequirement().addList(TRY_IT_SCHEME, new ArrayList<>(scopes));
    }

    private static void withoutServers(PathItem path) {
        path.setServers(null);
        path.readOperations().forEach(operation -> operation.setServers(null));
    }

    /** The lowest 2xx response, else the default one, else an empty 200; its JSON example if it has one. */
    private static MockResponse mock(OpenAPI openApi, io.swagger.v3.oas.models.Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses == null || responses.isEmpty()) {
            return new MockResponse(200, null, null);
        }
        Optional<String> success = responses.keySet().stream().filter(code -> code.matches("2\\d\\d")).sorted().findFirst();
        String code = success.orElse(responses.containsKey("default") ? "default" : null);
        if (code == null) {
            return new MockResponse(200, null, null);
        }
        int status = code.equals("default") ? 200 : Integer.parseInt(code);
        ApiResponse response = referenced(openApi, responses.get(code));
        if (response == null || response.getContent() == null || response.getContent().isEmpty()) {
            return new MockResponse(status, null, null);
        }
        Map.Entry<String, MediaType> chosen = response.getContent().entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).contains("json")).findFirst()
                .orElse(response.getContent().entrySet().iterator().next());
        Object example = example(chosen.getValue());
        return new MockResponse(status, chosen.getKey(), example == null ? null : render(chosen.getKey(), example));
    }

    private static ApiResponse referenced(OpenAPI openApi, ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return openApi.getComponents() == null || openApi.getComponents().getResponses() == null ? null
                : openApi.getComponents().getResponses().get(name);
    }

    private static Object example(MediaType media) {
        if (media == null) {
            return null;
        }
        if (media.getExample() != null) {
            return media.getExample();
        }
        if (media.getExamples() != null) {
            Optional<Object> first = media.getExamples().values().stream()
                    .map(Example::getValue).filter(java.util.Objects::nonNull).findFirst();
            if (first.isPresent()) {
                return first.get();
            }
        }
        return media.getSchema() == null ? null : media.getSchema().getExample();
    }

    private static String render(String contentType, Object example) {
        if (example instanceof String text && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return text;
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(example);
        } catch (JsonProcessingException e) {
            return String.valueOf(example);
        }
    }

    static Parsed parse(String document) {
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidApi("invalid_openapi_document", "The OpenAPI document is larger than 2 MB.");
        }
        refuseCostlyYaml(document);
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // never fetch remote references named by a document
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        OpenAPI openApi = result.getOpenAPI();
        if (openApi == null || openApi.getOpenapi() == null || !openApi.getOpenapi().startsWith("3.")) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            throw new InvalidApi("invalid_openapi_document", "Not an OpenAPI 3.0 or 3.1 document"
                    + (messages.isEmpty() ? "." : ": " + String.join("; ", messages.subList(0, Math.min(3, messages.size())))));
        }
        if (openApi.getInfo() == null || isBlank(openApi.getInfo().getTitle()) || isBlank(openApi.getInfo().getVersion())) {
            throw new InvalidApi("invalid_openapi_document", "The document needs info.title and info.version.");
        }
        List<Operation> operations = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    operations.add(new Operation(method.name(), path, operation.getOperationId(),
                            scopes(operation.getSecurity() != null ? operation.getSecurity() : openApi.getSecurity())))));
        }
        if (operations.isEmpty()) {
            throw new InvalidApi("invalid_openapi_document", "The document has no operations.");
        }
        Set<String> tags = new LinkedHashSet<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> tags.add(tag.getName().toLowerCase(Locale.ROOT)));
        }
        String title = openApi.getInfo().getTitle().strip();
        return new Parsed(title.length() > 100 ? title.substring(0, 100) : title, openApi.getInfo().getVersion().strip(),
                openApi.getInfo().getDescription(), tags, operations);
    }

    /**
     * Composes the YAML with SnakeYAML's own limits before swagger-parser reads it: when its bounded load fails,
     * swagger-parser falls back to another YAML reader and accepts the document, so its options alone refuse nothing.
     */
    private static void refuseCostlyYaml(String document) {
        if (DeserializationUtils.isJson(document)) {
            return; // Jackson's stream constraints bound JSON
        }
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        limits.setNestingDepthLimit(MAX_YAML_DEPTH);
        limits.setCodePointLimit(MAX_BYTES);
        limits.setAllowRecursiveKeys(false);
        try {
            new Yaml(limits).compose(new StringReader(document));
        } catch (YAMLException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
            throw new InvalidApi("invalid_openapi_document", "The document's YAML is refused (at most "
                    + MAX_YAML_ALIASES + " aliases of collections, nesting depth " + MAX_YAML_DEPTH + ")"
                    + (reason.isEmpty() ? "." : ": " + reason));
        }
    }

    private static Set<String> scopes(List<SecurityRequirement> requirements) {
        Set<String> scopes = new LinkedHashSet<>();
        if (requirements != null) {
            requirements.forEach(requirement -> requirement.values().forEach(scopes::addAll));
        }
        return scopes;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
