package dev.gatehouse.runtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.Writer;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json.createObjectBuilder()} looks the provider up
 * through the ServiceLoader on every call, which in an application server scans the class path: measured here it
 * cost more than the rest of a small request.
 */
public final class JsonOutput {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonOutput() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonWriter writer(Writer writer) {
        return PROVIDER.createWriter(writer);
    }
}
