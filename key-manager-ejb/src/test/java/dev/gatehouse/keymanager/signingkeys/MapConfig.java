package dev.gatehouse.keymanager.signingkeys;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** MicroProfile Config over a map, for the config holders' tests (there is no Config implementation outside the server). */
public final class MapConfig {

    private MapConfig() {
    }

    public static Config of(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (self, method, arguments) -> {
                    if (method.getName().equals("getOptionalValue") && arguments[1] == String.class) {
                        return Optional.ofNullable(values.get((String) arguments[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
