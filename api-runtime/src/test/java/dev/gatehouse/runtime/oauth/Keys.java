package dev.gatehouse.runtime.oauth;

import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import jakarta.json.JsonObject;

/** A new developer's application with production keys: the OAuth client the tests call as, with its first secret. */
record Keys(Developer owner, String applicationId, String clientId, String secretId, String secret) {

    /** Signs a developer up, creates the application and generates its production keys, over the developer API. */
    static Keys generate(RuntimeClient client, String applicationName) throws Exception {
        Developer owner = client.signUp();
        String id = client.send("POST", "developer/v1/applications", owner.basic(),
                "{\"name\":\"" + applicationName + "\"}").json().getString("id");
        JsonObject generated = client.send("POST", "developer/v1/applications/" + id + "/keys/PRODUCTION", owner.basic(), null).json();
        return new Keys(owner, id, generated.getJsonObject("keys").getString("clientId"),
                generated.getJsonObject("secret").getJsonObject("secret").getString("id"),
                generated.getJsonObject("secret").getString("value"));
    }

    String basic() {
        return RuntimeClient.clientBasic(clientId, secret);
    }

    String path() {
        return "developer/v1/applications/" + applicationId + "/keys/PRODUCTION";
    }
}
