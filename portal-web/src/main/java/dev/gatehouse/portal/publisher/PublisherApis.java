package dev.gatehouse.portal.publisher;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionStatus;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionView;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * publisher/index.xhtml, for publishers and administrators (web.xml): their APIs, each opening its own page, and
 * the subscriptions awaiting their approval. The services check the role again on every action.
 */
@Named
@ViewScoped
public class PublisherApis implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiService apis;

    @EJB
    transient SubscriptionService subscriptions;

    @Inject
    SubscriptionDecisions decisions;

    @Inject
    SignedInDeveloper publisher;

    private List<ApiView> allApis = List.of();
    private List<SubscriptionView> awaiting = List.of();

    public void load() {
        Caller caller = publisher.required();
        allApis = apis.listAll(caller);
        awaiting = subscriptions.withStatus(caller, SubscriptionStatus.ON_HOLD);
    }

    public void approve(SubscriptionView subscription) {
        decisions.approve(subscription);
        load();
    }

    public void reject(SubscriptionView subscription) {
        decisions.reject(subscription);
        load();
    }

    public List<ApiView> getAllApis() {
        return allApis;
    }

    public List<SubscriptionView> getAwaiting() {
        return awaiting;
    }
}
