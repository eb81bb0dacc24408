package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class NotPublisher extends BusinessException {
    public NotPublisher() {
        super(Kind.DENIED, "publisher_role_required", "This needs a publisher or administrator account.");
    }
}
