package dev.gatehouse.keymanager.applications;

import jakarta.persistence.EntityManager;

public final class ApplicationTesting {
    private ApplicationTesting() {
    }

    public static ApplicationRepository repository(EntityManager em) {
        ApplicationRepository applications = new ApplicationRepository();
        applications.em = em;
        return applications;
    }
}
