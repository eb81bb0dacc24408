package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Test fixture, deployed only with {@link GatewayProxyIT}: writes an API's backend URLs straight into the database,
 * past the management API's checks, as an API saved by an earlier version or changed in the database would be, so
 * that the gateway's own check before connecting is tested on its own.
 */
@Stateless
@Path("_test/stored-backend")
public class StoredBackend {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ChangeFeed changes;

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void store(@PathParam("id") UUID apiId, JsonObject urls) {
        em.createQuery("UPDATE Api a SET a.productionUrl = :production, a.sandboxUrl = :sandbox WHERE a.id = :id")
                .setParameter("production", urls.getString("productionUrl"))
                .setParameter("sandbox", urls.getString("sandboxUrl")).setParameter("id", apiId).executeUpdate();
        changes.record(ChangedEntity.API, apiId, "UPDATED");
    }
}
