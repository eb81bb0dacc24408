package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.apis.api.InvalidApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads what the catalog needs from an OpenAPI 3.0 or 3.1 document, with swagger-parser. */
final class OpenApiDocuments {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    record Operation(String method, String path, String operationId, Set<String> scopes) {
    }

    record Parsed(String name, String version, String description, Set<String> tags, List<Operation> operations) {
    }

    private OpenApiDocuments() {
    }

    static Parsed parse(String document) {
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidApi("invalid_openapi_document", "The OpenAPI document is larger than 2 MB.");
        }
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
