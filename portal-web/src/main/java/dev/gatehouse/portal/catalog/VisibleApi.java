package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/** The API a page's {@code id} parameter names, as the visitor may see it; otherwise the page is a 404. */
final class VisibleApi {

    private VisibleApi() {
    }

    static Optional<ApiView> load(ApiService apis, SignedInDeveloper visitor, String id) throws IOException {
        try {
            return Optional.of(apis.get(visitor.caller().orElse(null), UUID.fromString(String.valueOf(id))));
        } catch (BusinessException | IllegalArgumentException notFound) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such API");
            FacesContext.getCurrentInstance().responseComplete();
            return Optional.empty();
        }
    }
}
